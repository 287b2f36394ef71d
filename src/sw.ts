/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { digitalLinkToPlacePath } from './app/dl-path.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell, its lazy chunks, the fonts and the decoder wasm: everything a second visit
// needs with the network off.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// A plate scanned with the phone's own camera opens /414/{gln}: on the network the resolver
// answers (it redirects to the shop page); offline we go straight to the shop page ourselves.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && digitalLinkToPlacePath(url.pathname) !== null,
  async ({ request, url }) => {
    try {
      return await fetchWithTimeout(request, 4000);
    } catch {
      return Response.redirect(`${digitalLinkToPlacePath(url.pathname)}${url.search}`, 302);
    }
  },
);

// Every other app route is the shell; server-owned paths are left to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/open311\//, /^\/414\//, /^\/\.well-known\//, /^\/demo\//, /^\/union/],
  }),
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

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
