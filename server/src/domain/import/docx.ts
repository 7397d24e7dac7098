import mammoth from 'mammoth';
import { ImportError } from './errors';
import { htmlToText } from './html-to-text';
import { checkZipBounds } from './zip-guard';

/**
 * The text of a .docx, as the Markdown-like text the structure recogniser reads. Mammoth's
 * HTML rather than its raw text: the raw text loses Word's automatic paragraph numbers, which
 * are what tells operative paragraphs and lettered sub-paragraphs apart.
 */
export interface DocxText {
  text: string;
  warnings: string[];
}

export async function docxToText(body: Buffer): Promise<DocxText> {
  // Before the reader inflates anything: a zip bomb is refused here, in bounded memory.
  checkZipBounds(body);
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    // No images: a resolution's text is what is imported, and data URIs would only bloat it.
    result = await mammoth.convertToHtml(
      { buffer: body },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
  } catch {
    throw new ImportError(
      'undecodable_import',
      'The file is not a readable Word document (.docx). Save it again from Word as .docx, or import its text.',
    );
  }
  const warnings = result.messages
    .filter((message) => message.type === 'error')
    .map((message) => `Part of the Word document could not be read: ${message.message}`);
  return { text: htmlToText(result.value), warnings };
}
