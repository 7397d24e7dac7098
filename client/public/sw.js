/* global self, caches */
/*
 * Accord's service worker: the app shell and the last-opened documents open without a network.
 *
 * - Pages (navigations): the network first; offline, the last index.html seen. The app then
 *   loads its document from the offline copy it keeps in IndexedDB.
 * - Hashed assets (/assets/…): their names change with their bytes, so a stored copy is always
 *   right; served from the cache, fetched and stored on a miss.
 * - The few API reads an editor needs to open (session, meeting, document): the network first,
 *   the last answer when offline. Nothing else under /api is stored, and no write ever is.
 */
const SHELL = 'accord-shell-v1';
const ASSETS = 'accord-assets-v1';
const READS = 'accord-reads-v1';
const KEEP = new Set([SHELL, ASSETS, READS]);
const OFFLINE_READS = /^\/api\/(session|meetings\/[A-Za-z0-9_-]+|documents\/[A-Za-z0-9_-]+)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) =>
        cache.add(new Request('/', { cache: 'no-cache', headers: { Accept: 'text/html' } })),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => !KEEP.has(name)).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const stored = await cache.match(key);
    if (stored) return stored;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const stored = await cache.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every app path is the same page: one stored shell serves them all.
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_READS.test(url.pathname)) {
    event.respondWith(networkFirst(request, READS, url.pathname));
  }
});
