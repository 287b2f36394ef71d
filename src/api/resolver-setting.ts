/**
 * The localStorage key of a resolver chosen on this device, over the built one (resolver-url.ts).
 * Apart from resolver-url.ts so that Node-side tests can name it without Vite's `import.meta.env`.
 */
export const RESOLVER_SETTING_KEY = 'kalabefi.resolverUrl';
