import { compressStatic, type StaticFile } from './static-cache.ts';

// The app's shell as sent for a route whose page is known when the app is built. The build writes
// `route-preloads.json` (vite.config.ts, routePreloads): per path prefix, the page's chunks and
// styles beyond the entry. Named in the shell, they download alongside the entry instead of after
// it has run, which on a plate's cold /place/{gln} saves a round trip before the record can show.
// Only the navigation's answer changes: the shell the service worker keeps is the plain one, and
// a second visit has every chunk precached anyway.

export type RoutePreloads = Record<string, { scripts: string[]; styles: string[] }>;

/** index.html with the route's chunks as module preloads and its styles as style preloads. */
export function shellWithPreloads(html: string, route: RoutePreloads[string]): string {
  // `crossorigin` as the entry's own tags have it: a preload is used only by a request in the same mode.
  const tags = [
    ...route.scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...route.styles.map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
  ];
  return tags.length ? html.replace('</head>', `${tags.join('\n')}\n</head>`) : html;
}

/**
 * `read`: a file of the build by its path from the build's root. Each route's shell is made and
 * compressed once, on its first request; without the build's list every route gets the plain shell.
 */
export function createRouteShells(read: (path: string) => Promise<StaticFile | undefined>) {
  const made = new Map<string, Promise<StaticFile | undefined>>();
  let list: Promise<RoutePreloads> | undefined;
  const routeList = () => {
    list ??= preloads();
    return list;
  };

  async function preloads(): Promise<RoutePreloads> {
    const f = await read('/route-preloads.json');
    if (!f) return {};
    try {
      return JSON.parse(Buffer.from(f.raw).toString('utf8')) as RoutePreloads;
    } catch {
      return {};
    }
  }

  async function make(prefix: string): Promise<StaticFile | undefined> {
    const [index, routes] = await Promise.all([read('/index.html'), routeList()]);
    const route = routes[prefix];
    if (!index || !route) return index;
    return compressStatic(Buffer.from(shellWithPreloads(Buffer.from(index.raw).toString('utf8'), route)));
  }

  return {
    /** The shell for an app path: with its route's preloads when the build listed any. */
    async forPath(path: string): Promise<StaticFile | undefined> {
      const routes = await routeList();
      const prefix = Object.keys(routes).find((p) => path.startsWith(p)) ?? '';
      let hit = made.get(prefix);
      if (!hit) {
        hit = prefix ? make(prefix) : read('/index.html');
        made.set(prefix, hit);
      }
      return hit;
    },
  };
}
