/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { ROUTES } from './src/api/paths.ts';
import { buildManifest } from './src/app/manifest.ts';

// In development the reference service (src/server) is mounted inside Vite so that the app,
// the resolver and the API share one origin, exactly as `npm start` serves them.
function referenceService(): Plugin {
  return {
    name: 'kala-reference-service',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST) return;
      const mod = await server.ssrLoadModule('/src/server/dev.ts').catch(() => null);
      if (mod?.createDevMiddleware) server.middlewares.use(await mod.createDevMiddleware());
    },
  };
}

// The Persian text of first paint is set in Vazirmatn: preloading its two Arabic-script faces lets
// them arrive with the scripts instead of after them, so the page does not reflow when they land.
function preloadPersianFonts(): Plugin {
  return {
    name: 'kala-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) =>
          /vazirmatn-arabic-(400|700)-normal.*\.woff2$/.test(f),
        );
        return fonts.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// A plate opens /place/{gln} cold. Left to itself the browser learns of the shop page's chunk only
// once the entry has run and the router asked for it, one more round trip on a slow network. This
// writes, per route prefix, the chunks (and CSS) that route's page needs beyond the entry, so the
// server can name them in the shell it sends for that route (src/server/routes/static.ts).
const routePrefix = (route: string) => route.slice(0, route.indexOf(':'));
const ROUTE_PAGES: Record<string, string> = {
  [routePrefix(ROUTES.place)]: 'src/features/place/PlacePage.tsx',
};
function routePreloads(): Plugin {
  return {
    name: 'kala-route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const queue = [...start];
        while (queue.length) {
          const f = queue.pop()!;
          if (seen.has(f)) continue;
          seen.add(f);
          queue.push(...(byName.get(f)?.imports ?? []));
        }
        return seen;
      };
      const entry = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      const routes: Record<string, { scripts: string[]; styles: string[] }> = {};
      for (const [prefix, source] of Object.entries(ROUTE_PAGES)) {
        const page = chunks.find((c) => c.facadeModuleId?.endsWith(source));
        if (!page) continue;
        const scripts = [...closure([page.fileName])].filter((f) => !entry.has(f));
        const styles = scripts.flatMap((f) => [...(byName.get(f)?.viteMetadata?.importedCss ?? [])]);
        routes[prefix] = { scripts, styles };
      }
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(routes) });
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    referenceService(),
    preloadPersianFonts(),
    routePreloads(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: buildManifest(),
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,wasm,svg,png,webmanifest}'],
        // The decoder wasm is about 1 MB; it must be precached so the scanner works offline.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
    coverage: { provider: 'v8', include: ['src/**/*.{ts,tsx}'], reporter: ['text-summary', 'text'] },
  },
});
