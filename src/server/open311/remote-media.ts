import { createHash } from 'node:crypto';
import { lookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { MEDIA_MAX_BYTES } from '../../api/index.ts';
import { MESSAGES } from '../http/errors.ts';
import { reencode, sniffImage } from '../routes/media.ts';
import type { MediaStore } from '../store/media.ts';

// Open311's media_url is "a URL to media", usually on the client's own server. Such a photo is
// fetched once, here, at filing: bounded in size and time, sniffed, decoded and re-encoded
// without metadata (like an upload), and kept as this service's own file. The union's desk then
// never loads a stranger's URL, and the photo cannot change after filing. Addresses inside
// private networks are refused (the fetch must not become a way into them), checked at connect
// time so a name cannot be re-pointed between the check and the fetch.

export type RemoteMediaOptions = {
  /** Tests serve photos from 127.0.0.1; production never allows loopback or private ranges. */
  allowLoopback: boolean;
  timeoutMs: number;
};
export const REMOTE_MEDIA_DEFAULTS: RemoteMediaOptions = { allowLoopback: false, timeoutMs: 5000 };

export type Fetched = { ok: true; url: string } | { ok: false; reason: string };

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function refused(address: string, opts: RemoteMediaOptions): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(ip, type)) return !opts.allowLoopback;
  return PRIVATE.check(ip, type);
}

function guardedLookup(opts: RemoteMediaOptions): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as { address: string; family: number }[];
      const bad = list.find((a) => refused(a.address, opts));
      if (bad || list.length === 0) return callback(new Error('private address'), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** True when `raw` names media elsewhere: an absolute http(s) URL not on this service's origin. */
export function isRemote(raw: string, origin: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin;
  } catch {
    return false;
  }
}

function download(url: URL, opts: RemoteMediaOptions): Promise<Uint8Array | { reason: string }> {
  return new Promise((resolve) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    const req = get(
      url,
      { lookup: guardedLookup(opts), headers: { accept: 'image/jpeg, image/png, image/webp' } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return resolve({ reason: MESSAGES.remoteMediaStatus });
        }
        if (Number(res.headers['content-length'] ?? 0) > MEDIA_MAX_BYTES) {
          req.destroy();
          return resolve({ reason: MESSAGES.tooLargeMedia });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MEDIA_MAX_BYTES) {
            req.destroy();
            resolve({ reason: MESSAGES.tooLargeMedia });
          } else chunks.push(chunk);
        });
        res.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
        res.on('error', () => resolve({ reason: MESSAGES.remoteMediaUnreachable }));
      },
    );
    req.setTimeout(opts.timeoutMs, () => {
      req.destroy();
      resolve({ reason: MESSAGES.remoteMediaTimeout });
    });
    req.on('error', (e) =>
      resolve({
        reason:
          e.message === 'private address' ? MESSAGES.remoteMediaPrivate : MESSAGES.remoteMediaUnreachable,
      }),
    );
  });
}

/** Fetches, checks and stores one photo from elsewhere; answers its path here, or why not. */
export async function fetchRemoteMedia(
  raw: string,
  media: MediaStore,
  opts: RemoteMediaOptions,
  at: Date,
): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: MESSAGES.badMediaUrl };
  }
  // A literal address never goes through the lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.username || url.password || (isIP(host) && refused(host, opts)))
    return { ok: false, reason: MESSAGES.remoteMediaPrivate };
  const bytes = await download(url, opts);
  if (!(bytes instanceof Uint8Array)) return { ok: false, reason: bytes.reason };
  const kind = sniffImage(bytes);
  if (!kind) return { ok: false, reason: MESSAGES.unsupportedMedia };
  let out: Awaited<ReturnType<typeof reencode>>;
  try {
    out = await reencode(bytes, kind);
  } catch {
    return { ok: false, reason: MESSAGES.badImage };
  }
  const sha = createHash('sha256').update(out.data).digest('hex');
  await media.put(`${sha}.${kind.ext}`, out.data, at);
  return { ok: true, url: `/api/v1/media/${sha}.${kind.ext}` };
}
