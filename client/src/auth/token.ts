/**
 * The bearer token of this browser tab. An invitation link carries it once as `?token=`; we
 * keep it in sessionStorage (per tab, gone when the tab closes, so two tabs may hold two
 * different delegations' links) and remove it from the address bar so it is not shared by a
 * screenshot, a projector or the browser history.
 */
const STORAGE_KEY = 'accord:token';

let current: string | null = null;

/** Reads `?token=` from the current URL (once), stores it and strips it from the address bar. */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    sessionStorage.setItem(STORAGE_KEY, fromLink);
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
