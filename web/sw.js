// Service worker of the static build: scripts/build-static.mjs fills in VERSION and PRECACHE (every file the
// page needs, all same-origin). Once the page has loaded once, it works offline. The development server never
// registers it (the page registers it only when <html data-service-worker> is set, which only the build does).
const VERSION = 'dev';
const PRECACHE = [];
const CACHE = `article-analyzer-${VERSION}`;
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('article-analyzer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    // Content-hashed names never change: the cache is always right.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
    return;
  }
  // Pages and other unhashed files: the network when it answers (so a new build shows up), else the cache.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => (await caches.match(request, { ignoreSearch: true })) ?? (request.mode === 'navigate' ? caches.match('./') : Response.error())),
  );
});
