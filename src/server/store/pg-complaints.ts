import type { Note } from '../../api/index.ts';
import type { Query } from './pg.ts';
import {
  COUNTED,
  fromRow,
  type NoteRow,
  pageEnd,
  type ReqRow,
  statusFilter,
  toNote,
  VIEW,
} from './sqlite-complaints.ts';
import type {
  Async,
  IdempotentAnswer,
  PlaceSupport,
  QueueQuery,
  RequestPatch,
  RequestQuery,
  StoredRequest,
  StoredUpdate,
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
  | 'queuePage'
  | 'setTriage'
  | 'takeQuota'
  | 'triageCount'
  | 'bumpCount'
  | 'addStrike'
  | 'strikes'
  | 'pruneQuotas'
  | 'referencedMedia'
  | 'openCountsByCategory'
  | 'addSupport'
  | 'hasSupported'
  | 'supportOpenAt'
  | 'listRequests'
  | 'updatesBetween'
  | 'lastUpdateId'
  | 'idempotent'
  | 'saveIdempotent'
>;

/** The queue's keyset: after the cursor in (escalated DESC, expected_at, id) order, or in triage order. */
const AFTER = `AND (escalated < $3 OR (escalated = $3 AND (expected_at COLLATE "C" > $4 OR (expected_at = $4 AND id COLLATE "C" > $5))))`;
const AFTER_TRIAGE = `AND (triage COLLATE "C" > $6 OR (triage = $6 ${AFTER}))`;

export function createPgComplaintQueries(
  q: Query,
  atomically: <T>(fn: () => Promise<T>) => Promise<T>,
  inTransaction: () => boolean,
): Async<Complaints> {
  const byId = async (id: string) =>
    (await q<ReqRow>({ name: 'request', text: `SELECT * FROM requests WHERE id = $1`, values: [id] }))[0];
  // One statement for all of an update's entries, in their order: their ids run on from the
  // first (the update feed and FixMyStreet's update_id count on it).
  const addNotes = async (id: string, notes: Note[]) => {
    if (notes.length === 0) return;
    await q(
      `INSERT INTO notes (request_id, type, datetime, author, text, substatus, enforcement_stage, code, params_json)
       SELECT $1, n.type, n.datetime, n.author, n.text, n.substatus, n.enforcement_stage, n.code, n.params_json
       FROM json_populate_recordset(NULL::notes, $2) WITH ORDINALITY AS n ORDER BY n.ordinality`,
      [
        id,
        JSON.stringify(
          notes.map((n) => ({
            type: n.type,
            datetime: n.datetime,
            author: n.author,
            text: n.text,
            substatus: n.substatus ?? null,
            enforcement_stage: n.enforcement_stage ?? null,
            code: n.code ?? null,
            params_json: n.params ? JSON.stringify(n.params) : null,
          })),
        ),
      ],
    );
  };
  const ordered = (column: string) => `${column} COLLATE "C"`;
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
             enforcement_stage, service_notice, requested_at, updated_at, expected_at, supporters,
             triage, spam, published)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
             $23, $24, $25)`,
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
            req.triage,
            req.spam ? 1 : 0,
            req.published ? 1 : 0,
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
        text: `SELECT type, datetime, author, text, substatus, enforcement_stage, code, params_json FROM notes WHERE request_id = $1 ORDER BY id`,
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
    async queuePage(agencyId: string, qq: QueueQuery) {
      // Triage lists each group together (one install's or one burst's complaints side by side).
      const order =
        qq.view === 'triage'
          ? `${ordered('triage')}, escalated DESC, ${ordered('expected_at')}, ${ordered('id')}`
          : `escalated DESC, ${ordered('expected_at')}, ${ordered('id')}`;
      const after = qq.after ? (qq.view === 'triage' ? AFTER_TRIAGE : AFTER) : '';
      const a = qq.after;
      const rows = await q<ReqRow>(
        `SELECT * FROM requests WHERE agency_id = $1 AND ${VIEW[qq.view]} ${statusFilter(qq.status)} ${after}
         ORDER BY ${order} LIMIT $2`,
        a
          ? [
              agencyId,
              qq.limit + 1,
              a.escalated,
              a.expectedAt,
              a.id,
              ...(qq.view === 'triage' ? [a.triage ?? ''] : []),
            ]
          : [agencyId, qq.limit + 1],
      );
      const all = rows.map(fromRow);
      return { items: all.slice(0, qq.limit), next: pageEnd(all, qq.limit) };
    },
    async setTriage(id: string, decision: 'spam' | 'genuine') {
      await q(`UPDATE requests SET triage = NULL, spam = $2 WHERE id = $1`, [
        id,
        decision === 'spam' ? 1 : 0,
      ]);
    },
    // Quotas are one row per key and day, counted by the database: every instance takes from the
    // same count, and a row lock makes concurrent takes queue, so a limit is never overshot.
    async takeQuota(key: string, day: string, limit: number) {
      if (limit <= 0) return 0;
      const [r] = await q<{ count: number }>(
        `INSERT INTO quotas (key, day, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, day) DO UPDATE SET count = quotas.count + 1 WHERE quotas.count < $3
         RETURNING count`,
        [key, day, limit],
      );
      return r?.count ?? 0;
    },
    async triageCount(agencyId: string) {
      const [r] = await q<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM requests WHERE agency_id = $1 AND triage IS NOT NULL AND spam = 0`,
        [agencyId],
      );
      return r?.n ?? 0;
    },
    async bumpCount(key: string, day: string) {
      const [r] = await q<{ count: number }>(
        `INSERT INTO quotas (key, day, count) VALUES ($1, $2, 1)
         ON CONFLICT (key, day) DO UPDATE SET count = quotas.count + 1 RETURNING count`,
        [key, day],
      );
      return r?.count ?? 0;
    },
    async addStrike(key: string, at: string) {
      await q(
        `INSERT INTO strikes (key, count, last_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET count = strikes.count + 1, last_at = EXCLUDED.last_at`,
        [key, at],
      );
    },
    async strikes(key: string) {
      const [r] = await q<{ count: number }>(`SELECT count FROM strikes WHERE key = $1`, [key]);
      return r?.count ?? 0;
    },
    async pruneQuotas(day: string) {
      await q(`DELETE FROM quotas WHERE day < $1`, [day]);
    },
    referencedMedia: async () =>
      new Set(
        (
          await q<{ url: string }>(
            `SELECT DISTINCT j.url FROM requests, json_array_elements_text(requests.media_urls_json::json) AS j(url)`,
          )
        ).map((r) => r.url),
      ),
    openCountsByCategory: async (gln: string) =>
      (
        await q<{ service_code: string; count: number }>(
          `SELECT service_code, COUNT(*)::int AS count FROM requests
           WHERE gln = $1 AND ${COUNTED}
           GROUP BY service_code ORDER BY count DESC, service_code COLLATE "C"`,
          [gln],
        )
      ).map((r) => ({ serviceCode: r.service_code, count: r.count })),
    async addSupport(id: string, deviceHash: string) {
      await support(id, deviceHash);
      return (await byId(id))?.supporters ?? 0;
    },
    hasSupported: async (id: string, deviceHash: string) =>
      (await q(`SELECT 1 FROM supports WHERE request_id = $1 AND device_id = $2`, [id, deviceHash])).length >
      0,
    supportOpenAt: (gln: string, serviceCode: string, deviceHash: string) =>
      atomically(async (): Promise<PlaceSupport> => {
        const open = await q<ReqRow & { mine: boolean }>(
          `SELECT r.*, EXISTS (SELECT 1 FROM supports s WHERE s.request_id = r.id AND s.device_id = $1) AS mine
           FROM requests r WHERE r.gln = $2 AND r.service_code = $3 AND ${COUNTED}
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
    async listRequests(rq: RequestQuery) {
      // Open311 GET requests: every filter optional; an empty list matches nothing, as on SQLite.
      const where: string[] = [];
      const args: unknown[] = [];
      const arg = (v: unknown) => {
        args.push(v);
        return `$${args.length}`;
      };
      if (rq.ids) where.push(`id = ANY(${arg(rq.ids)}::text[])`);
      if (rq.serviceCodes) where.push(`service_code = ANY(${arg(rq.serviceCodes)}::text[])`);
      if (rq.substatuses) where.push(`substatus = ANY(${arg(rq.substatuses)}::text[])`);
      if (rq.start) where.push(`requested_at >= ${arg(rq.start)}`);
      if (rq.end) where.push(`requested_at <= ${arg(rq.end)}`);
      const rows = await q<ReqRow>(
        `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${ordered('requested_at')} DESC, ${ordered('id')} LIMIT ${arg(rq.limit)}`,
        args,
      );
      return rows.map(fromRow);
    },
    async updatesBetween(start: string, end: string, types: Note['type'][], limit: number) {
      const rows = await q<NoteRow & { id: string; request_id: string }>(
        `SELECT id, request_id, type, datetime, author, text, substatus, enforcement_stage, code, params_json FROM notes
         WHERE datetime >= $1 AND datetime <= $2 AND type = ANY($3::text[])
         ORDER BY ${ordered('datetime')}, id LIMIT $4`,
        [start, end, types, limit],
      );
      return rows.map((n): StoredUpdate => ({ ...toNote(n), id: Number(n.id), requestId: n.request_id }));
    },
    async lastUpdateId(requestId: string) {
      const [r] = await q<{ id: string | null }>(`SELECT MAX(id) AS id FROM notes WHERE request_id = $1`, [
        requestId,
      ]);
      return r?.id == null ? undefined : Number(r.id);
    },
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
