import type { DocumentInfo, Language } from '@accord/shared/api';
import { apiRequest } from '../api/client';

/** A run of the original paragraph's change since the language version last followed it. */
export interface OriginalChange {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface StaleParagraph {
  paragraphId: string;
  since: string;
  before: string;
  after: string;
  changes: OriginalChange[];
  missing: boolean;
}

/** One row of the side-by-side view (`GET /api/documents/:tid/alignment`). */
export interface AlignedParagraph {
  paragraphId: string;
  original: string;
  translation: string | null;
  untranslated: boolean;
  stale: StaleParagraph | null;
}

export interface Alignment {
  original: DocumentInfo;
  translation: DocumentInfo;
  paragraphs: AlignedParagraph[];
}

const enc = encodeURIComponent;

export const translationsApi = {
  list: (documentId: string) =>
    apiRequest<{ id: string; language: Language }[]>(`/documents/${enc(documentId)}/translations`),
  create: (documentId: string, language: Language) =>
    apiRequest<DocumentInfo>(`/documents/${enc(documentId)}/translations`, {
      method: 'POST',
      body: { language },
    }),
  alignment: (translationId: string) =>
    apiRequest<Alignment>(`/documents/${enc(translationId)}/alignment`),
  bringNewParagraphs: (translationId: string) =>
    apiRequest<{ added: number }>(`/documents/${enc(translationId)}/alignment/new-paragraphs`, {
      method: 'POST',
    }),
};
