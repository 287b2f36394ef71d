// A push endpoint is a URL the browser's vendor gives; the service will POST to it. So only
// https URLs on the push services browsers use are accepted, never an address a caller picks to
// make the service knock on something inside the operator's network. PUSH_SERVICE_HOSTS
// (space-separated host suffixes) replaces the list; an entry with a scheme
// (`http://127.0.0.1:8090`) admits exactly that origin, for a push service the operator runs
// (the browser tests run their own). Server tests admit http on 127.0.0.1 with `allowLoopbackHttp`.

export const DEFAULT_PUSH_HOSTS = [
  'fcm.googleapis.com', // Chrome, Edge on Android, Samsung Internet
  'updates.push.services.mozilla.com', // Firefox
  'push.apple.com', // Safari (web.push.apple.com)
  'notify.windows.com', // Edge on Windows (wns2-*.notify.windows.com)
] as const;

export type EndpointPolicy = { hosts: readonly string[]; allowLoopbackHttp: boolean };

export function endpointPolicy(env: NodeJS.ProcessEnv, allowLoopbackHttp = false): EndpointPolicy {
  const listed = (env.PUSH_SERVICE_HOSTS ?? '').split(/\s+/).filter(Boolean);
  return { hosts: listed.length ? listed : DEFAULT_PUSH_HOSTS, allowLoopbackHttp };
}

export function endpointAllowed(raw: string, policy: EndpointPolicy): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (policy.hosts.some((h) => h.includes('://') && originOf(h) === url.origin)) return true;
  if (url.protocol === 'http:') return policy.allowLoopbackHttp && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return policy.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

function originOf(entry: string): string | undefined {
  try {
    return new URL(entry).origin;
  } catch {
    return undefined;
  }
}
