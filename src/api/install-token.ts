import type { InstallCreated } from './install.ts';

// The app install's token (see install.ts): asked for once, on the first write, and kept where
// both the page and the service worker (whose Background Sync also sends complaints) can read
// it: Cache Storage, else localStorage, else memory for the page's lifetime. A token the service
// no longer accepts (its key was rotated) is forgotten and a new one asked for.

/** The header every write carries the token in (here, not in install.ts, to keep zod out of the app). */
export const INSTALL_TOKEN_HEADER = 'X-Install-Token';

const CACHE = 'kbf-install';
const KEY = 'kbf.install-token';

type Fetch = typeof globalThis.fetch;

async function readKept(url: string): Promise<string | undefined> {
  try {
    if (typeof caches !== 'undefined') {
      const hit = await (await caches.open(CACHE)).match(url);
      return hit ? (await hit.text()) || undefined : undefined;
    }
    return globalThis.localStorage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

async function keep(url: string, token: string | undefined): Promise<void> {
  try {
    if (typeof caches !== 'undefined') {
      const cache = await caches.open(CACHE);
      if (token) await cache.put(url, new Response(token));
      else await cache.delete(url);
    } else if (globalThis.localStorage) {
      if (token) localStorage.setItem(KEY, token);
      else localStorage.removeItem(KEY);
    }
  } catch {
    // Storage refused (private mode, a full quota): the token lives as long as the page.
  }
}

export type InstallTokenSource = {
  /**
   * The header to send on a write, or why there is none: the service's own refusal (a 429 with
   * Retry-After when too many installs asked from this address) or `undefined` for a dead
   * network, so the caller reports a retryable failure rather than a write it knows will fail.
   */
  header(): Promise<{ headers: Record<string, string> } | { refused: Response | undefined }>;
  forget(): Promise<void>;
};

export function installTokenSource(baseUrl: string, fetchImpl: Fetch): InstallTokenSource {
  const url = `${baseUrl}/api/v1/installs`;
  let token: string | undefined;
  let asking: Promise<string | Response | undefined> | undefined;

  async function ask(): Promise<string | Response | undefined> {
    const kept = await readKept(url);
    if (kept) return kept;
    try {
      const res = await fetchImpl(url, { method: 'POST', headers: { Accept: 'application/json' } });
      if (res.status !== 201) return res;
      const fresh = ((await res.json()) as InstallCreated).install_token;
      await keep(url, fresh);
      return fresh;
    } catch {
      return undefined;
    }
  }

  return {
    async header() {
      if (!token) {
        asking ??= ask().finally(() => {
          asking = undefined;
        });
        const got = await asking;
        if (typeof got !== 'string') return { refused: got };
        token = got;
      }
      return { headers: { [INSTALL_TOKEN_HEADER]: token } };
    },
    async forget() {
      token = undefined;
      await keep(url, undefined);
    },
  };
}
