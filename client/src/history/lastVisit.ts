/**
 * "Changes since my last visit": the newest version a participant has seen of a document,
 * kept in this browser's localStorage (per participant and document, so two people sharing a
 * meeting-room laptop do not share it). Storage may be unavailable (private mode, quota, a
 * policy): then nothing is remembered and the panel says so, rather than failing.
 */

const PREFIX = 'accord.history.lastSeen';

function key(participant: string, documentId: string): string {
  return `${PREFIX}:${participant}:${documentId}`;
}

/** The version id remembered from an earlier visit, or `null`. */
export function readLastSeenVersion(participant: string, documentId: string): string | null {
  try {
    return window.localStorage.getItem(key(participant, documentId));
  } catch {
    return null;
  }
}

/** Remembers `versionId` as the newest version this participant has seen of the document. */
export function writeLastSeenVersion(
  participant: string,
  documentId: string,
  versionId: string,
): void {
  try {
    window.localStorage.setItem(key(participant, documentId), versionId);
  } catch {
    // Not remembering is harmless: the next visit just offers no "since my last visit".
  }
}
