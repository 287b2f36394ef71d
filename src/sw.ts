/// <reference lib="webworker" />

import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { paths, SERVICE_PATH_PATTERNS } from './api/paths.ts';
import { digitalLinkToAppPath } from './app/dl-path.ts';
import { SHARED_PHOTO_CACHE, SHARED_PHOTO_KEY } from './app/shared-photo-keys.ts';
import { onNotificationClick, onPush } from './sync/sw-push.ts';
import { onBackgroundSync } from './sync/sw-sync.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// The app shell, its lazy chunks, the fonts and the decoder wasm: everything a second visit
// needs with the network off.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A plate or a product scanned with the phone's own camera opens /414/{gln} or /01/{gtin}: on the
// network the resolver answers (it redirects to the app's page); offline we go there ourselves.
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' && digitalLinkToAppPath(url.pathname, url.search) !== null,
  async ({ request, url }) => {
    try {
      return await fetchWithTimeout(request, 4000);
    } catch {
      return Response.redirect(digitalLinkToAppPath(url.pathname, url.search)!, 302);
    }
  },
);

// Every other app route is the shell; server-owned paths are left to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [...SERVICE_PATH_PATTERNS],
  }),
);

// Shop records are not cached here: the shop page keeps its own copy in IndexedDB with the time
// it was fetched, and shows that age offline. A second copy here would come back as an ordinary
// 200 that the page could not tell from a fresh answer. Licence lists have no page cache, so they
// are kept here: network first (a sealed shop must not show as open from a stale copy), bounded.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.pathname.startsWith('/api/v1/licenses/'),
  new NetworkFirst({
    cacheName: 'licences-v1',
    networkTimeoutSeconds: 4,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 30, purgeOnQuotaError: true }),
    ],
  }),
);

// Evidence photos are stored by their SHA-256, so a URL never changes what it shows: cache first,
// so the reporter's own photos show in a complaint's detail page offline too.
registerRoute(
  ({ url, request }) => request.method === 'GET' && url.pathname.startsWith('/api/v1/media/'),
  new CacheFirst({
    cacheName: 'media-v1',
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 60 * 60 * 24 * 90, purgeOnQuotaError: true }),
    ],
  }),
);

// Web Share Target: keep the shared photo in a cache the scan page reads once, then show it there.
registerRoute(
  ({ url, request }) => request.method === 'POST' && url.pathname === paths.shareTarget(),
  async ({ request }) => {
    try {
      const form = await request.formData();
      const file = form.get('photo');
      if (file instanceof File) {
        const cache = await caches.open(SHARED_PHOTO_CACHE);
        await cache.put(SHARED_PHOTO_KEY, new Response(file, { headers: { 'content-type': file.type } }));
        return Response.redirect(paths.scan({ shared: '1' }), 303);
      }
    } catch {
      // Fall through: the scan page explains that nothing readable was shared.
    }
    return Response.redirect(paths.scan({ shared: '0' }), 303);
  },
  'POST',
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

// Background Sync: once the browser sees connectivity it wakes this worker with the 'outbox' tag,
// even with every tab closed, and the outbox is flushed exactly as the page would flush it.
self.addEventListener('sync', onBackgroundSync);

// Reply notifications (src/sync/sw-push.ts): show what the service sent, open it when tapped.
self.addEventListener('push', onPush);
self.addEventListener('notificationclick', onNotificationClick);

function fetchWithTimeout(request: Request, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    fetch(request).then(
      (res) => {
        clearTimeout(timer);
        resolve(res);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
