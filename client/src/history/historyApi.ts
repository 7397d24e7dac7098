/**
 * The revision-history calls of the HTTP API (SPEC.md "HTTP API": versions, `/diff`,
 * restore), kept apart from `api/endpoints.ts` so the history panel owns its whole slice of
 * the API.
 */
import type { VersionInfo } from '@accord/shared/api';
import type { Comparison } from '@accord/shared/comparison';
import type { NodeJSON } from '@accord/shared/content';
import { apiRequest } from '../api/client';
import { readableVersion } from '../i18n/serverLabels';

/** What a comparison's `to` may be: a version id, or the live text. */
export const CURRENT = 'current';

const enc = encodeURIComponent;

export const historyApi = {
  /** Every version of a document, oldest first (as the server answers). */
  versions: (documentId: string) =>
    apiRequest<VersionInfo[]>(`/documents/${enc(documentId)}/versions`).then((list) =>
      list.map(readableVersion),
    ),

  /** Names the live text as a version (chair, rapporteur). */
  nameVersion: (documentId: string, label: string) =>
    apiRequest<VersionInfo>(`/documents/${enc(documentId)}/versions`, {
      method: 'POST',
      body: { label },
    }),

  /** Who changed what between `from` and `to` (a version id or `current`). */
  compare: (documentId: string, from: string, to: string) =>
    apiRequest<Comparison>(`/documents/${enc(documentId)}/diff?from=${enc(from)}&to=${enc(to)}`),

  /** One version's text as ProseMirror JSON. */
  content: (documentId: string, versionId: string) =>
    apiRequest<NodeJSON>(
      `/documents/${enc(documentId)}/content?version=${enc(versionId)}&format=json`,
    ),

  /** Makes a version's text the live text again (chair); answers the new `restore` version. */
  restore: (documentId: string, versionId: string) =>
    apiRequest<VersionInfo>(`/documents/${enc(documentId)}/versions/${enc(versionId)}/restore`, {
      method: 'POST',
    }).then(readableVersion),
};
