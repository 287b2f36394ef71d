import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../scripts/check-layers.ts';

// The layering check `npm run lint` runs: each rule catches its violation and lets the allowed
// forms through, so a page that grows its own fetch fails CI.

const root = path.resolve(import.meta.dirname, '../..');
const at = (file: string, text: string) => checkFile(path.join(root, file), text);

describe('layers', () => {
  it('a page reaches the network only through src/api', () => {
    expect(at('src/features/place/X.tsx', "const r = await fetch('/api/v1/locations/1');")).toHaveLength(1);
    expect(at('src/features/place/X.tsx', "globalThis.fetch('/x');")).toHaveLength(1);
    expect(at('src/app/X.ts', "import { createApiClient } from '../api/client.ts';")).toHaveLength(1);
    expect(
      at('src/features/place/X.tsx', "import { api } from '../../api/app-client.ts';\napi().services();"),
    ).toEqual([]);
    // A client's own method named fetch is not the global.
    expect(at('src/features/place/X.tsx', 'const o = { fetch: 1 }; o.fetch;')).toEqual([]);
  });

  it('a page reaches IndexedDB only through src/db', () => {
    expect(at('src/features/history/X.ts', "import Dexie from 'dexie';")).toHaveLength(1);
    expect(at('src/features/history/X.ts', "indexedDB.open('kala-be-fi');")).toHaveLength(1);
    expect(at('src/features/history/X.ts', "import { listScans } from '../../db/scans.ts';")).toEqual([]);
  });

  it('db() is used only inside src/db; its types may be read anywhere', () => {
    expect(at('src/sync/X.ts', "import { db } from '../db/database.ts';")).toHaveLength(1);
    expect(at('src/features/history/X.ts', "import { db } from '../../db/database.ts';")).toHaveLength(1);
    expect(
      at('src/features/history/X.ts', "import type { ScanRecord } from '../../db/database.ts';"),
    ).toEqual([]);
    expect(at('src/sync/X.ts', "import { type ScanRecord } from '../db/database.ts';")).toEqual([]);
    expect(at('src/db/X.ts', "import { db } from './database.ts';")).toEqual([]);
  });

  it('src/gs1 imports nothing from the browser or the app', () => {
    expect(at('src/gs1/X.ts', "import { t } from '../app/t.ts';")).toHaveLength(1);
    expect(at('src/gs1/X.ts', "import { z } from 'zod';")).toHaveLength(1);
    expect(at('src/gs1/X.ts', 'const lang = navigator.language;')).toHaveLength(1);
    expect(at('src/gs1/X.ts', 'window.location.href;')).toHaveLength(1);
    expect(at('src/gs1/X.ts', "import { checkDigit } from './check-digit.ts';")).toEqual([]);
  });

  it('the server and the app do not import each other', () => {
    expect(at('src/server/X.ts', "import { db } from '../db/complaints.ts';")).toHaveLength(1);
    expect(at('src/features/X.ts', "import { x } from '../server/app.ts';")).toHaveLength(1);
    expect(at('src/server/X.ts', "import type { ApiError } from '../api/index.ts';")).toEqual([]);
  });
});
