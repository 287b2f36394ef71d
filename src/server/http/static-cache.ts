import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The built app is small and never changes while the server runs, so each file is read and
// compressed once, at its first request. Compression matters on a weak connection: the shell's
// JavaScript is about 90 KB raw and 32 KB gzip, a second or more on slow 3G.

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.wasm',
  '.txt',
]);

export type StaticFile = {
  raw: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
};

const copy = (b: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(b);

export function createStaticCache() {
  const files = new Map<string, Promise<StaticFile | undefined>>();

  async function load(full: string): Promise<StaticFile | undefined> {
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const raw = await readFile(full);
    if (!COMPRESSIBLE.has(extname(full)) || raw.length < 1024) return { raw: copy(raw) };
    return {
      raw: copy(raw),
      gzip: copy(gzipSync(raw, { level: 9 })),
      br: copy(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
    };
  }

  return {
    /** The file at an absolute path inside the build directory, or undefined (misses are cached too). */
    get(full: string): Promise<StaticFile | undefined> {
      let hit = files.get(full);
      if (!hit) {
        hit = load(full);
        files.set(full, hit);
      }
      return hit;
    },
  };
}

/** The encodings an Accept-Encoding header allows (q=0 means "not this one"). */
function accepted(header: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

/** Picks the smallest encoding the client accepts. */
export function negotiate(file: StaticFile, acceptEncoding: string | undefined) {
  const ok = accepted(acceptEncoding);
  if (file.br && ok.has('br')) return { body: file.br, encoding: 'br' as const };
  if (file.gzip && ok.has('gzip')) return { body: file.gzip, encoding: 'gzip' as const };
  return { body: file.raw, encoding: undefined };
}
