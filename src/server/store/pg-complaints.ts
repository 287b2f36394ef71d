import type { Note } from '../../api/index.ts';
import type { Query } from './pg.ts';
import { fromRow, type NoteRow, OPEN_SUBSTATUSES, type ReqRow, toNote } from './sqlite-complaints.ts';
import type {
  Async,
  IdempotentAnswer,
  PlaceSupport,
  RequestPatch,
  StoredRequest,
  StoreQueries,
} from './types.ts';

// Complaint side of the store on PostgreSQL. Rows have SQLite's columns, so they map the same way.
// Text is ordered byte by byte (COLLATE "C"), as SQLite does, whatever the database's locale.

type Complaints = Pick<
  StoreQueries,
  | 'insertRequest'
  | 'request'
  | 'notes'
  | 'updateRequest'
  | 'queue'
  | 'openCountsByCategory'
  | 'addSupport'
  | 'supportOpenAt'
  | 'idempotent'
  | 'saveIdempotent'
>;

export function createPgComplaintQueries(
  q: Query,
  atomically: <T>(fn: () => Promise<T>) => Promise<T>,
  inTransaction: () => boolean,
): Async<Complaints> {
  const byId = async (id: string) =>
    (await q<ReqRow>({ name: 'request', text: `SELECT * FROM requests WHERE id = $1`, values: [id] }))[0];
  const addNotes = async (id: string, notes: Note[]) => {
    for (const n of notes)
      await q(
        `INSERT INTO notes (request_id, type, datetime, author, text, substatus, enforcement_stage)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, n.type, n.datetime, n.author, n.text, n.substatus ?? null, n.enforcement_stage ?? null],
      );
  };
  /** Adds this device's support once; true when it was new (and the count went up). */
  const support = async (id: string, deviceHash: string) =>
    (
      await q(
        `WITH added AS (
           INSERT INTO supports (request_id, device_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1
         )
         UPDATE requests SET supporters = supporters + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM added)
         RETURNING supporters`,
        [id, deviceHash],
      )
    ).length > 0;

  return {
    insertRequest: (req: StoredRequest, notes: Note[]) =>
      atomically(async () => {
        await q(
          `INSERT INTO requests (id, token_hash, service_code, gln, lat, lng, address, description, media_url,
             media_urls_json, attributes_json, contact_json, device_hash, agency_id, substatus, escalated,
             enforcement_stage, service_notice, requested_at, updated_at, expected_at, supporters)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
          [
            req.id,
            req.tokenHash,
            req.serviceCode,
            req.gln,
            req.lat,
            req.lng,
            req.address,
            req.description,
            req.mediaUrl,
            JSON.stringify(req.mediaUrls),
            JSON.stringify(req.attributes),
            req.contact ? JSON.stringify(req.contact) : null,
            req.deviceHash,
            req.agencyId,
            req.substatus,
            req.escalated ? 1 : 0,
            req.enforcementStage,
            req.serviceNotice,
            req.requestedAt,
            req.updatedAt,
            req.expectedAt,
            req.supporters,
          ],
        );
        await addNotes(req.id, notes);
      }),
    async request(id: string) {
      const r = await byId(id);
      return r && fromRow(r);
    },
    async notes(id: string) {
      const rows = await q<NoteRow>({
        name: 'notes',
        text: `SELECT type, datetime, author, text, substatus, enforcement_stage FROM notes WHERE request_id = $1 ORDER BY id`,
        values: [id],
      });
      return rows.map(toNote);
    },
    updateRequest: (id: string, patch: RequestPatch, notes: Note[]) =>
      atomically(async () => {
        await q(
          `UPDATE requests SET substatus = $2, escalated = $3, enforcement_stage = $4, updated_at = $5, expected_at = $6
           WHERE id = $1`,
          [
            id,
            patch.substatus,
            patch.escalated ? 1 : 0,
            patch.enforcementStage,
            patch.updatedAt,
            patch.expectedAt,
          ],
        );
        await addNotes(id, notes);
      }),
    queue: async (agencyId: string) =>
      (
        await q<ReqRow>(
          `SELECT * FROM requests WHERE agency_id = $1 ORDER BY requested_at COLLATE "C" DESC, id COLLATE "C" LIMIT 500`,
          [agencyId],
        )
      ).map(fromRow),
    openCountsByCategory: async (gln: string) =>
      (
        await q<{ service_code: string; count: number }>(
          `SELECT service_code, COUNT(*)::int AS count FROM requests
           WHERE gln = $1 AND substatus IN ${OPEN_SUBSTATUSES}
           GROUP BY service_code ORDER BY count DESC, service_code COLLATE "C"`,
          [gln],
        )
      ).map((r) => ({ serviceCode: r.service_code, count: r.count })),
    async addSupport(id: string, deviceHash: string) {
      await support(id, deviceHash);
      return (await byId(id))?.supporters ?? 0;
    },
    supportOpenAt: (gln: string, serviceCode: string, deviceHash: string) =>
      atomically(async (): Promise<PlaceSupport> => {
        const open = await q<ReqRow & { mine: boolean }>(
          `SELECT r.*, EXISTS (SELECT 1 FROM supports s WHERE s.request_id = r.id AND s.device_id = $1) AS mine
           FROM requests r WHERE r.gln = $2 AND r.service_code = $3 AND r.substatus IN ${OPEN_SUBSTATUSES}
           ORDER BY r.requested_at COLLATE "C", r.id COLLATE "C"`,
          [deviceHash, gln, serviceCode],
        );
        // The same rules as on SQLite: never the reporter's own; a repeat gets the one it backs.
        const others = open.filter((r) => r.device_hash !== deviceHash);
        const already = others.find((r) => r.mine);
        if (already) return { kind: 'backed', request: fromRow(already), added: false };
        const oldest = others[0];
        if (!oldest) return { kind: open.length ? 'own' : 'none' };
        const added = await support(oldest.id, deviceHash);
        return { kind: 'backed', request: fromRow((await byId(oldest.id))!), added };
      }),
    async idempotent(key: string): Promise<IdempotentAnswer | undefined> {
      // Inside a transaction, the key is held until it ends: a second instance asking for the
      // same key waits here, then sees the first one's saved answer.
      if (inTransaction()) await q(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
      const r = (
        await q<{ body_hash: string; status: number; response: string }>(
          `SELECT body_hash, status, response FROM idempotency WHERE key = $1`,
          [key],
        )
      )[0];
      return r && { bodyHash: r.body_hash, status: r.status, response: r.response };
    },
    async saveIdempotent(key: string, a: IdempotentAnswer, at: string) {
      await q(
        `INSERT INTO idempotency (key, body_hash, status, response, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO NOTHING`,
        [key, a.bodyHash, a.status, a.response, at],
      );
    },
  };
}
