import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { LruMap } from '../lru-map.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// The built app is small and never changes while the server runs, so each file is read and
// compressed once, off the event loop, ahead of its first request (`warm`). Compression matters on a weak connection: the shell's
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

// Only files that exist are kept, and at most `maxFiles` of them: a request for a path that is
// not there must cost no memory, or a flood of distinct paths grows the process without end
// (tens of thousands of made-up paths once took it from 130 MB to 750 MB). The build has a few
// dozen files, so the bound is never reached by real traffic.
export const STATIC_CACHE_MAX_FILES = 512;

export type StaticCache = ReturnType<typeof createStaticCache>;

/** Bytes with their gzip and brotli forms, made once (a file under 1 KB is not worth it). */
export async function compressStatic(raw: Buffer): Promise<StaticFile> {
  if (raw.length < 1024) return { raw: copy(raw) };
  // Brotli 11 on the 1 MB decoder wasm takes about 3 s for 10 % fewer bytes than quality 9
  // (80 ms); the biggest files get 9 so a cold server answers the scanner at once.
  const quality = raw.length > 256 * 1024 ? 9 : 11;
  const [gzipped, br] = await Promise.all([
    gz(raw, { level: 9 }),
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }),
  ]);
  return { raw: copy(raw), gzip: copy(gzipped), br: copy(br) };
}

export function createStaticCache(maxFiles = STATIC_CACHE_MAX_FILES) {
  const files = new LruMap<string, Promise<StaticFile | undefined>>(maxFiles);

  async function load(full: string): Promise<StaticFile | undefined> {
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const raw = await readFile(full);
    return COMPRESSIBLE.has(extname(full)) ? compressStatic(raw) : { raw: copy(raw) };
  }

  return {
    /** Reads and compresses every file under `dir` in the background, so no shopper waits for it. */
    async warm(dir: string): Promise<void> {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const e of entries) if (e.isFile()) await this.get(join(e.parentPath, e.name));
    },
    /** The file at an absolute path inside the build directory, or undefined. */
    get(full: string): Promise<StaticFile | undefined> {
      let hit = files.get(full);
      if (!hit) {
        hit = load(full);
        // Held while loading, so concurrent requests share one read; a miss is let go once known.
        files.set(full, hit);
        void hit.then((f) => {
          if (!f && files.peek(full) === hit) files.delete(full);
        });
      }
      return hit;
    },
    /** How many paths are held (tests: misses must not accumulate). */
    get size() {
      return files.size;
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
