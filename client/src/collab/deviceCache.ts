/**
 * Names of this device's offline copies. Each copy is one IndexedDB database per participant and
 * document, so two tabs holding two delegations' links never share (or overwrite) a copy, and
 * "clear this device" can find every copy without loading the editor.
 */
const PREFIX = 'accord:';

export function offlineCacheName(participantId: string | null, documentId: string): string {
  // The secretariat is not a participant; its copies are kept under "admin".
  return `${PREFIX}${participantId ?? 'admin'}:${documentId}`;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // A blocked deletion (another tab has the copy open) still completes once that tab closes;
    // the user asked for it, so we do not wait for it here.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Removes every offline copy Accord keeps in this browser (the "clear this device" action). */
export async function clearDeviceCaches(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const databases = await indexedDB.databases();
  const ours = databases
    .map((database) => database.name)
    .filter((name): name is string => typeof name === 'string' && name.startsWith(PREFIX));
  await Promise.all(ours.map(deleteDatabase));
}
