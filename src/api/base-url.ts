/**
 * Where the lookup and complaint service lives: the same origin by default (the reference
 * service serves the app), or `VITE_API_BASE_URL` at build time to point one build at another
 * deployment. Every client in the app takes its base URL from here.
 */
export const API_BASE_URL: string = import.meta.env.VITE_API_BASE_URL ?? '';
