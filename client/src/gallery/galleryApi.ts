/** The calls the template gallery and the import control make. */
import type { DocumentInfo, TemplateDetail, TemplateSummary } from '@accord/shared/api';
import { apiRequest } from '../api/client';
import { rawApiRequest } from '../api/rawRequest';

export interface DocumentFromTemplate {
  templateId: string;
  title?: string;
  /** Field values by field name; a missing one takes the template's default. */
  values?: Record<string, string>;
}

/** The answer to an import: the new document and what the importer could not place. */
export interface ImportedDocument extends DocumentInfo {
  warnings: string[];
}

/** The Content-Type the import route expects for each file extension it takes. */
const IMPORT_TYPES: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What the file input accepts: extensions first (browsers often leave `.md`'s type empty). */
export const IMPORT_ACCEPT = [
  '.txt',
  '.md',
  '.markdown',
  '.docx',
  'text/plain',
  'text/markdown',
  IMPORT_TYPES.docx,
].join(',');

/**
 * The Content-Type to send a file with, from its extension, else from the type the browser
 * guessed; `null` for a file the import route does not take.
 */
export function importContentType(file: File): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const byExtension = extension ? IMPORT_TYPES[extension] : undefined;
  if (byExtension) return byExtension;
  const known = Object.values(IMPORT_TYPES).find((type) => type.startsWith(file.type || '-'));
  return known ?? null;
}

const enc = encodeURIComponent;

export const galleryApi = {
  templates: () => apiRequest<TemplateSummary[]>('/templates'),
  template: (id: string) => apiRequest<TemplateDetail>(`/templates/${enc(id)}`),
  createDocument: (meetingId: string, body: DocumentFromTemplate) =>
    apiRequest<DocumentInfo>(`/meetings/${enc(meetingId)}/documents`, { method: 'POST', body }),
  /** Sends the file as the raw body, as the import route takes it. */
  importDocument: async (
    meetingId: string,
    file: File,
    contentType: string,
    title?: string,
  ): Promise<ImportedDocument> => {
    const query = title ? `?title=${enc(title)}` : '';
    const response = await rawApiRequest(`/meetings/${enc(meetingId)}/documents/import${query}`, {
      method: 'POST',
      body: file,
      contentType,
    });
    return (await response.json()) as ImportedDocument;
  },
};
