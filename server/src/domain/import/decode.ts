import { ImportError } from './errors';

/**
 * Bytes of an uploaded text file to a string. UTF-8 unless a byte-order mark or the
 * Content-Type's `charset` says otherwise; text that is not valid UTF-8 and names no charset
 * is read as Windows-1252, what Word on Windows saves as "Plain Text", with a warning.
 * Binary data (a PDF, a zip, an image sent as text) is refused rather than imported as noise.
 */
export interface DecodedText {
  text: string;
  warnings: string[];
}

function decode(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ImportError('undecodable_import', `The character set "${label}" is not supported.`);
    }
    throw error;
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F: curly quotes, dashes, the euro sign.
// Decoded here because Node's TextDecoder drops these bytes unless built with full ICU.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return out;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls > Math.max(2, text.length / 100);
}

/** Decodes `body`; `charset` is the Content-Type's parameter, if any. */
export function decodeText(body: Uint8Array, charset: string | undefined): DecodedText {
  if (body[0] === 0x25 && body[1] === 0x50 && body[2] === 0x44 && body[3] === 0x46) {
    throw new ImportError(
      'undecodable_import',
      'PDF files cannot be imported: copy the text from the PDF and paste it, or save it as .docx.',
    );
  }
  const warnings: string[] = [];
  let text: string;
  if (body[0] === 0xff && body[1] === 0xfe) text = decode(body.subarray(2), 'utf-16le');
  else if (body[0] === 0xfe && body[1] === 0xff) text = decode(body.subarray(2), 'utf-16be');
  else if (
    charset &&
    /^(?:windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)
  ) {
    text = decodeWindows1252(body);
  } else if (charset) {
    try {
      text = decode(body, charset);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError('undecodable_import', `The text is not valid ${charset}.`);
    }
  } else {
    try {
      text = decode(body, 'utf-8');
    } catch {
      text = decodeWindows1252(body);
      warnings.push(
        'The text was not UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotation marks.',
      );
    }
  }
  if (looksBinary(text)) {
    throw new ImportError(
      'undecodable_import',
      'The file does not contain readable text. Import plain text, Markdown or a .docx file.',
    );
  }
  return { text: text.replace(/^\ufeff/, ''), warnings };
}
