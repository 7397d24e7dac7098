/**
 * The editor's code (Tiptap, ProseMirror, Yjs: most of the app's weight) fetched while a
 * meeting's page sits idle, so the first document a delegate opens from it is editable as soon
 * as its text arrives, instead of after some 250 KB more on the meeting room's Wi-Fi. The
 * import is the same one the editor's page makes: the browser keeps one copy of the module, and
 * a click during the fetch waits for that fetch rather than starting another.
 *
 * Not done when the browser asks to save data, nor twice in a page's life.
 */
let warmed = false;

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
}

/**
 * After the page is idle (or 2 s at most), loads the editor's code once. A failure is left to
 * the editor's page, which loads its code with retries when it is opened.
 */
export function warmEditorCode(load: () => Promise<unknown>): void {
  if (warmed) return;
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData === true) return;
  warmed = true;
  const start = () => {
    load().catch(() => {
      // Offline or cut off: the editor's page loads its code itself, with retries.
      warmed = false;
    });
  };
  const idle = (window as IdleWindow).requestIdleCallback;
  if (idle) idle(start, { timeout: 2_000 });
  else setTimeout(start, 500);
}
