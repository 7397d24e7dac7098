/** The service worker's cache of hashed assets (client/public/sw.js names it too). */
const ASSETS_CACHE = 'accord-assets-v1';

/**
 * The assets this page loaded before the service worker controlled it (the first visit): stored
 * now, so that the very next load opens offline too, not only the one after.
 */
async function keepLoadedAssets(): Promise<void> {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => new URL(name).origin === location.origin && name.includes('/assets/'));
  if (urls.length === 0 || typeof caches === 'undefined') return;
  const cache = await caches.open(ASSETS_CACHE);
  await cache.addAll([...new Set(urls)]);
}

/**
 * Registers the service worker (client/public/sw.js) that lets the app shell and the
 * last-opened documents open without a network, as an installed app does. Only in a built
 * app: under the dev server it would keep serving yesterday's modules.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A browser that refuses (private mode, a policy) still runs the app online.
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then(keepLoadedAssets)
    .catch(() => undefined);
}

/**
 * The service worker's copies of pages and API answers (meeting, document, session): they are
 * the delegate's, so "Clear this device" removes them with the sign-in. Hashed assets hold
 * nothing personal and stay.
 */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all(['accord-shell-v1', 'accord-reads-v1'].map((name) => caches.delete(name)));
}
