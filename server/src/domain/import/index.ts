export {
  importDraft,
  DOCX_TYPE,
  IMPORT_TYPES,
  MAX_IMPORT_CHARS,
  type ImportInput,
  type ImportedDraft,
} from './import';
export { ImportError, type ImportErrorCode } from './errors';
