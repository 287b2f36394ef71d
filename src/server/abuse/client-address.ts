import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

// The address a request came from, as limits key it. Proxy headers are believed only when the
// operator says how many proxies stand in front (TRUST_PROXY=n): then the n-th address from the
// right of X-Forwarded-For (or Forwarded: for=) is the client, since each proxy appends the peer
// it saw and anything further left was written by the client itself. IPv6 clients are keyed by
// their /64: one phone gets a whole prefix, and would otherwise pick a fresh address per request.

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function forwardedFor(c: Context): string[] {
  const xff = c.req.header('x-forwarded-for');
  if (xff)
    return xff
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const fwd = c.req.header('forwarded');
  if (!fwd) return [];
  const out: string[] = [];
  for (const element of fwd.split(',')) {
    const m = /(?:^|;)\s*for=("?)\[?([^\]";]+)\]?(?::\d+)?\1/i.exec(element);
    // An IPv4 node may carry a port (for=192.0.2.1:4711); IPv6 ones carry theirs outside brackets.
    if (m?.[2]) out.push(m[2].replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1'));
  }
  return out;
}

export function prefixOf(address: string): string {
  const bare = address.replace(/^::ffff:/i, '');
  if (!bare.includes(':')) return bare;
  const groups = bare.split('::')[0]!.split(':');
  // A zero-compressed head shorter than four groups still names its /64 once padded.
  while (groups.length < 4) groups.push('0');
  return `${groups.slice(0, 4).join(':').toLowerCase()}::/64`;
}

export function clientAddress(c: Context, trustProxy: number): string {
  const peer = socketAddress(c);
  if (trustProxy <= 0) return prefixOf(peer);
  const chain = forwardedFor(c);
  const client = chain[chain.length - trustProxy];
  return prefixOf(client ?? peer);
}
