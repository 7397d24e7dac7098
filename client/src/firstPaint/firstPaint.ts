import { i18n } from '../i18n';
import { parseRoute } from '../router';
import './firstPaint.css';

/** The editor is ready to take over: editable, or (for an observer) showing the text. */
function editorReady(root: HTMLElement): boolean {
  const editor = root.querySelector<HTMLElement>('.ProseMirror');
  if (!editor) return false;
  return editor.isContentEditable || (editor.textContent ?? '').trim() !== '';
}

/** The app shows something of its own that is not a loading line (an access page, an error). */
function appShowsOtherPage(root: HTMLElement): boolean {
  if (root.querySelector('.editor-page, .loading')) return false;
  return root.querySelector('main, [role="alert"], h1, h2') !== null;
}

/**
 * Hands a document page from the text the server put in it (`#first-paint`, see
 * server/src/http/static-first-paint.ts) over to the editor.
 *
 * The text stays in front while the app loads and connects, and goes once the editor can be
 * typed into, with the same text in the same place (a short fade hides the change of layer).
 * Until then the text is visibly not editable: a progress line, the words "Opening the
 * editor…", and a notice when a key is pressed, so that nothing typed is lost without a word.
 * It goes at once when this page is not that document's (an offline copy of another page), or
 * when the app shows its own page instead (a revoked link, a document that is gone).
 */
export function handOverFirstPaint(
  root: HTMLElement,
  preview: HTMLElement | null = document.getElementById('first-paint'),
): void {
  if (!preview) return;
  const route = parseRoute(window.location.pathname);
  const status = preview.querySelector<HTMLElement>('.first-paint__status');
  let observer: MutationObserver | null = null;

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
    if (status) {
      status.textContent = i18n.t('firstload.notYet');
      status.classList.add('first-paint__status--notice');
    }
  };
  const finish = (fade: boolean) => {
    observer?.disconnect();
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('popstate', check);
    preview.setAttribute('aria-busy', 'false');
    if (!fade) {
      preview.remove();
      return;
    }
    preview.classList.add('first-paint--leaving');
    preview.addEventListener('transitionend', () => preview.remove(), { once: true });
    // Without transitions (reduced motion) no transitionend comes.
    window.setTimeout(() => preview.remove(), 400);
  };
  function check() {
    const now = parseRoute(window.location.pathname);
    if (now.page !== 'document' || now.documentId !== preview?.dataset.document) finish(false);
    else if (editorReady(root)) finish(true);
    else if (appShowsOtherPage(root)) finish(false);
  }

  if (route.page !== 'document' || route.documentId !== preview.dataset.document) {
    preview.remove();
    return;
  }
  if (status) status.textContent = i18n.t('firstload.opening');
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('popstate', check);
  observer = new MutationObserver(check);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['contenteditable'],
    characterData: true,
  });
}
