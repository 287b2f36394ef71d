import { API_BASE_URL } from './base-url.ts';
import { RESOLVER_SETTING_KEY } from './resolver-setting.ts';

/**
 * The GS1 resolver the app asks about a GLN: `VITE_RESOLVER_URL` at build time, the same origin by
 * default (the reference service is a conformant resolver). In production this is the national
 * registry's resolver, which need not be ours.
 */
export const BUILT_RESOLVER_URL: string = import.meta.env.VITE_RESOLVER_URL ?? '';

/**
 * A resolver chosen on this device, over the built one: lets one build be tried against another
 * registry's resolver (and the browser tests point the app at theirs, whose port is picked at run
 * time). Only the page's own script can write localStorage, so a link cannot set it.
 */
function deviceSetting(): string | undefined {
  try {
    const v = globalThis.localStorage?.getItem(RESOLVER_SETTING_KEY) ?? undefined;
    // Only an http(s) origin and path; anything else is ignored rather than fetched.
    return v && /^https?:\/\/[^\s]+$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function resolverUrl(): string {
  return (deviceSetting() ?? BUILT_RESOLVER_URL).replace(/\/+$/, '');
}

/** The resolver is the service itself: its registryEntry is the record API the app already reads. */
export function resolverIsOwnService(url = resolverUrl()): boolean {
  return url === API_BASE_URL.replace(/\/+$/, '');
}
