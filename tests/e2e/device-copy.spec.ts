import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { appendOperative, operative, bothDelegationsEditing } from './scene';

/**
 * Whether this device's offline copy of the document (y-indexeddb's `updates` store) holds
 * `text`. Yjs keeps inserted text as UTF-8 inside its updates.
 */
function deviceCopyHolds(page: Page, documentId: string, text: string): Promise<boolean> {
  return page.evaluate(
    async ({ documentId, text }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      const needle = `,${Array.from(new TextEncoder().encode(text)).join(',')},`;
      const names = (await indexedDB.databases())
        .map((database) => database.name ?? '')
        .filter((name) => name.startsWith('accord:') && name.endsWith(`:${documentId}`));
      for (const name of names) {
        const db = await request(indexedDB.open(name));
        const updates = await request(
          db.transaction('updates', 'readonly').objectStore('updates').getAll(),
        );
        db.close();
        if (
          updates.some((update: Uint8Array) => `,${Array.from(update).join(',')},`.includes(needle))
        )
          return true;
      }
      return false;
    },
    { documentId, text },
  );
}

/**
 * A colleague's words join this device's offline copy, not only our own: reopened with the
 * server out of reach, the editor shows them. (They are written in batches, at most 100 ms after
 * they arrive, so that the copy never delays a keystroke on screen.)
 */
test("a colleague's change is in this device's offline copy when the server cannot be reached", async ({
  browser,
  accord,
}) => {
  const { scene, belize, chile } = await bothDelegationsEditing(browser, accord);
  const words = 'To open public procurement to MSMEs';
  await appendOperative(belize.page, words);
  // A last change in one piece, so that its bytes sit together in whichever write holds it.
  await belize.page.keyboard.insertText(' (Lima-2026)');
  const full = `${words} (Lima-2026)`;
  await expect(operative(chile.page, full)).toBeVisible();
  // Changes are written in order: once the last one is in the copy, all of them are.
  await expect.poll(() => deviceCopyHolds(chile.page, scene.documentId, 'Lima-2026')).toBe(true);
  await chile.page.close();

  // The relay is out of reach (the socket hangs, as on a saturated conference Wi-Fi).
  await chile.context.routeWebSocket(/\/collab\//, () => undefined);
  const reopened = await chile.context.newPage();
  await reopened.goto(accord.link(`/documents/${scene.documentId}`, scene.chile.token));
  await expect(operative(reopened, full)).toHaveText(full);
  await expect(reopened.getByRole('status', { name: 'Connection' })).not.toHaveAttribute(
    'data-state',
    'synced',
  );
});

/**
 * A delegate who sees a colleague's last words and closes the tab at once (or the laptop's lid)
 * still has them offline: hiding the page writes what was waiting, without the usual delay.
 */
test("a colleague's last words are in the offline copy when the tab is closed the moment they appear", async ({
  browser,
  accord,
}) => {
  const { scene, belize, chile } = await bothDelegationsEditing(browser, accord);
  const words = 'To simplify business registration for MSMEs';
  await appendOperative(belize.page, words);
  await expect(operative(chile.page, words)).toBeVisible();
  await belize.page.keyboard.insertText(' (Quito-2026)');
  const full = `${words} (Quito-2026)`;
  // Only sockets opened from now on hang: the open tab keeps its connection.
  await chile.context.routeWebSocket(/\/collab\//, () => undefined);
  await expect(operative(chile.page, full)).toBeVisible();
  // As a browser closes a tab: 'pagehide' and 'visibilitychange' run, nothing waits for a timer.
  const closed = chile.page.waitForEvent('close');
  await chile.page.close({ runBeforeUnload: true });
  await closed;

  const reopened = await chile.context.newPage();
  await reopened.goto(accord.link(`/documents/${scene.documentId}`, scene.chile.token));
  await expect(operative(reopened, full)).toHaveText(full);
});
