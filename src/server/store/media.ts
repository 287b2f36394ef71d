import { mkdirSync } from 'node:fs';
import { access, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Evidence photos, content-addressed: a name is `<sha256 of the bytes>.<ext>`, so a name never
// changes meaning and writing the same photo twice is harmless. Files under DATA_DIR/media on
// SQLite; a table in the database on PostgreSQL, so every instance sees every photo.

export type MediaStore = {
  /** `at` is the service clock's time, so the grace period of unused photos follows that clock. */
  put(name: string, bytes: Uint8Array, at: Date): Promise<void>;
  get(name: string): Promise<Uint8Array | undefined>;
  has(name: string): Promise<boolean>;
  /** Names of the photos last stored before `at`. */
  storedBefore(at: Date): Promise<string[]>;
  remove(name: string): Promise<void>;
};

export function fileMedia(dir: string): MediaStore {
  mkdirSync(dir, { recursive: true });
  return {
    async put(name, bytes, at) {
      // Written aside, then renamed: a reader never sees half a photo.
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, bytes);
      await utimes(tmp, at, at);
      await rename(tmp, join(dir, name));
    },
    get: (name) => readFile(join(dir, name)).catch(() => undefined),
    has: (name) =>
      access(join(dir, name)).then(
        () => true,
        () => false,
      ),
    async storedBefore(at) {
      const names = await readdir(dir).catch(() => [] as string[]);
      const old: string[] = [];
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (info?.isFile() && info.mtimeMs < at.getTime()) old.push(name);
      }
      return old;
    },
    remove: (name) => unlink(join(dir, name)).catch(() => {}),
  };
}
