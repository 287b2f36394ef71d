import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { createDeskClient, type DeskClient, type DeskClientOptions } from '../../api/desk-client.ts';
import { isDeskPath, paths } from '../../api/paths.ts';
import type { DeskSession, SignIn } from '../../api/staff.ts';

// Who is at the desk, once for every desk page: `undefined` while asking the service, `null`
// when nobody is signed in. The one desk client lives here; when the service says the session
// is gone (expired, signed out elsewhere, the account disabled) the person is sent to sign in,
// and brought back to the page they were on afterwards.

export const deskSession = signal<DeskSession | null | undefined>(undefined);

let client: DeskClient | undefined;
let navigate: (url: string) => void = (url) => location.assign(url);

export function deskClient(): DeskClient {
  client ??= createDeskClient({ onSignedOut: () => toSignIn() });
  return client;
}

/** Tests bind the desk to their own service (undefined: back to the default). */
export function useDeskClient(opts: Omit<DeskClientOptions, 'onSignedOut'> | undefined): void {
  client = opts && createDeskClient({ ...opts, onSignedOut: () => toSignIn() });
  deskSession.value = undefined;
}

/** Sets how the desk changes pages (the router's `route`, so no full reload). */
export function setDeskNavigation(route: (url: string) => void): void {
  navigate = route;
}

function toSignIn(): void {
  deskSession.value = null;
  const here = location.pathname + location.search;
  if (location.pathname === paths.deskSignIn()) return;
  navigate(paths.deskSignIn(isDeskPath(location.pathname) && here !== paths.desk() ? { next: here } : {}));
}

let loading: Promise<void> | undefined;

async function load(): Promise<void> {
  const r = await deskClient().session();
  if (r.status === 'ok') deskSession.value = r.data;
  else if (r.status !== 'unauthorized') deskSession.value = null;
}

/**
 * The current session, asked of the service once per page load. The desk's pages render only
 * when it is known; a person with none is sent to sign in by the client itself.
 */
export function useDeskSession() {
  useEffect(() => {
    if (deskSession.value === undefined) loading ??= load().finally(() => (loading = undefined));
  }, []);
  return {
    session: deskSession.value,
    async signIn(body: SignIn) {
      const r = await deskClient().signIn(body);
      if (r.status === 'ok') deskSession.value = r.data;
      return r;
    },
    async signOut() {
      const r = await deskClient().signOut();
      // Not signed out while the service has not said so: the page says why instead.
      if (r.status === 'ok' || r.status === 'unauthorized') {
        deskSession.value = null;
        navigate(paths.deskSignIn());
      }
      return r;
    },
  };
}
