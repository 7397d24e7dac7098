import type { DocumentInfo } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { authorise, meetingFor } from './access';
import type { DomainContext } from './context';
import { createDocumentWithContent } from './documents';
import { AccordError } from './errors';
import { IMPORT_TYPES, importDraft } from './import';

/** A document created from an uploaded resolution (text, Markdown or .docx). */
export async function importDocument(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  upload: { contentType: string; body: Buffer; title?: string },
): Promise<DocumentInfo & { warnings: string[] }> {
  authorise(principal, 'createDocument');
  meetingFor(context, principal, meetingId);
  if (!IMPORT_TYPES.some((t) => upload.contentType.toLowerCase().startsWith(t))) {
    throw new AccordError(
      'unsupported_media_type',
      'unsupported_import_type',
      'Upload plain text, Markdown or a Word (.docx) file.',
    );
  }
  if (upload.body.length === 0) {
    throw new AccordError('invalid', 'empty_import', 'The uploaded file is empty.', 'body');
  }
  const draft = await importDraft(upload);
  const document = await createDocumentWithContent(context, principal, meetingId, {
    title: draft.title,
    templateId: 'import',
    style: draft.style,
    // The original's language, as its words tell (issue #15: "Original:" is the real one).
    language: draft.language,
    content: draft.content,
    attributeTo: 'creator',
  });
  return { ...document, warnings: draft.warnings };
}
