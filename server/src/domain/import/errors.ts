import { AccordError, type ErrorKind } from '../errors';

/** Why an upload could not be imported at all (as opposed to imported with warnings). */
export type ImportErrorCode =
  | 'empty_import'
  | 'undecodable_import'
  | 'unsupported_import_type'
  | 'import_too_large';

const KIND: Record<ImportErrorCode, ErrorKind> = {
  empty_import: 'invalid',
  undecodable_import: 'malformed',
  unsupported_import_type: 'unsupported_media_type',
  import_too_large: 'too_large',
};

/**
 * An upload that cannot become a draft: empty, not text, not a readable .docx, or of a type
 * not imported. An `AccordError`, so the HTTP layer answers it like any other domain error
 * (422, 400, 415, 413) with `code` and a sentence for the person who uploaded it.
 */
export class ImportError extends AccordError {
  constructor(
    override readonly code: ImportErrorCode,
    message: string,
  ) {
    super(KIND[code], code, message, code === 'empty_import' ? 'body' : undefined);
    this.name = 'ImportError';
  }
}
