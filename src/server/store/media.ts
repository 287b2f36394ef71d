import { mkdirSync } from 'node:fs';
import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Evidence photos, content-addressed: a name is `<sha256 of the bytes>.<ext>`, so a name never
// changes meaning and writing the same photo twice is harmless. Files under DATA_DIR/media on
// SQLite; a table in the database on PostgreSQL, so every instance sees every photo.

export type MediaStore = {
  put(name: string, bytes: Uint8Array): Promise<void>;
  get(name: string): Promise<Uint8Array | undefined>;
  has(name: string): Promise<boolean>;
};

export function fileMedia(dir: string): MediaStore {
  mkdirSync(dir, { recursive: true });
  return {
    async put(name, bytes) {
      // Written aside, then renamed: a reader never sees half a photo.
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, bytes);
      await rename(tmp, join(dir, name));
    },
    get: (name) => readFile(join(dir, name)).catch(() => undefined),
    has: (name) =>
      access(join(dir, name)).then(
        () => true,
        () => false,
      ),
  };
}
