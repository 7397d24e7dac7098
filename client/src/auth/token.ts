/**
 * The bearer token of this browser tab. An invitation link carries it once as `?token=`; we
 * keep it in sessionStorage (per tab, gone when the tab closes, so two tabs may hold two
 * different delegations' links) and remove it from the address bar so it is not shared by a
 * screenshot, a projector or the browser history.
 *
 * The sign-in also stays on the device: the link's token is handed to the server once, which
 * keeps it in an HttpOnly cookie (no script here can read it), so a new tab, a document URL
 * from a colleague or a reopened browser is signed in without the link, until "Clear this
 * device" or the link is revoked. A tab's own link, when it has one, still decides.
 */
import { forgetOfflineCopies } from '../collab/serviceWorker';

const STORAGE_KEY = 'accord:token';

let current: string | null = null;

/** Reads `?token=` from the current URL (once), stores it and strips it from the address bar. */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    sessionStorage.setItem(STORAGE_KEY, fromLink);
    // A new link supersedes a clearing still to be finished.
    localStorage.removeItem(SIGN_OUT_KEY);
    keepOnDevice(fromLink);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  current = sessionStorage.getItem(STORAGE_KEY);
  return current;
}

/** The token of this tab, or null when the tab was not opened from a link. */
export function getToken(): string | null {
  return current ?? sessionStorage.getItem(STORAGE_KEY);
}

/** Forgets the token (the "clear this device" action). */
export function forgetToken(): void {
  current = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

let keeping: Promise<unknown> = Promise.resolve();

/** Set while this device's sign-in (its cookie) is still to be removed by the server. */
const SIGN_OUT_KEY = 'accord:sign-out-pending';
/**
 * Set once the server kept a sign-in here. The cookie itself is out of a script's reach: this
 * says whether to ask the server who we are, so that a browser never signed in is shown the
 * "open your invitation link" page at once, without a refused request.
 */
const SIGNED_IN_KEY = 'accord:signed-in-here';

/** Whether this tab has a link, or this device may hold a sign-in: worth asking the server. */
export function maySignIn(): boolean {
  return getToken() !== null || localStorage.getItem(SIGNED_IN_KEY) !== null;
}

/**
 * Asks the server to keep the link's sign-in on this device (its cookie). A failure only means
 * that other tabs will ask for the link again: this tab goes on with its own token.
 */
function keepOnDevice(token: string): void {
  keeping = fetch('/api/session/device', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  })
    .then((response) => {
      if (response.ok) localStorage.setItem(SIGNED_IN_KEY, '1');
    })
    .catch(() => undefined);
}

/** Asks the server to remove the device's cookie (HttpOnly: no script can). */
async function removeDeviceCookie(): Promise<void> {
  // Offline the request cannot leave: it is made at the next start instead.
  if (!navigator.onLine) return;
  try {
    const response = await fetch('/api/session/device', { method: 'DELETE' });
    if (response.ok) localStorage.removeItem(SIGN_OUT_KEY);
  } catch {
    // Offline: done by `finishSignOut` the next time the app starts.
  }
}

/**
 * Ends the sign-in on this device: this tab's token now, the device's cookie through the
 * server. On a shared computer the delegate may clear it while the Wi-Fi is down: the removal
 * is then remembered and done before anything else the next time Accord opens here.
 */
export async function forgetDevice(): Promise<void> {
  forgetToken();
  localStorage.setItem(SIGN_OUT_KEY, '1');
  localStorage.removeItem(SIGNED_IN_KEY);
  // A sign-in still on its way must not come back after the clearing.
  await keeping;
  await forgetOfflineCopies().catch(() => undefined);
  await removeDeviceCookie();
}

/** Finishes a "Clear this device" that could not reach the server; resolves when done or not. */
export async function finishSignOut(): Promise<void> {
  if (localStorage.getItem(SIGN_OUT_KEY) !== null) await removeDeviceCookie();
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/**
 * Announces that the server no longer knows our token (HTTP 401 or WebSocket 4401), so the
 * app can show the "this link no longer works" page wherever the user was.
 */
export function reportUnauthorized(): void {
  for (const listener of unauthorizedListeners) listener();
}

export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}
