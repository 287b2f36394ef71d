import type Database from 'better-sqlite3';
import { type Note, OPEN_SUBSTATUSES as OPEN } from '../../api/index.ts';
import type {
  IdempotentAnswer,
  PlaceSupport,
  QueueCursor,
  QueueQuery,
  RequestPatch,
  RequestQuery,
  StoredRequest,
  StoredUpdate,
} from './types.ts';

// Complaint side of the store on SQLite: requests, their timeline, supporters, idempotency keys.

export type ReqRow = {
  id: string;
  token_hash: string;
  service_code: string;
  gln: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  description: string | null;
  media_url: string | null;
  media_urls_json: string;
  attributes_json: string;
  contact_json: string | null;
  device_hash: string | null;
  agency_id: string;
  substatus: StoredRequest['substatus'];
  escalated: number;
  enforcement_stage: StoredRequest['enforcementStage'];
  service_notice: string;
  requested_at: string;
  updated_at: string;
  expected_at: string;
  supporters: number;
  triage: string | null;
  spam: number;
  published: number;
};
export type NoteRow = {
  type: Note['type'];
  datetime: string;
  author: Note['author'];
  text: string;
  substatus: Note['substatus'] | null;
  enforcement_stage: Note['enforcement_stage'] | null;
  code: string | null;
  params_json: string | null;
};

export const fromRow = (r: ReqRow): StoredRequest => ({
  id: r.id,
  tokenHash: r.token_hash,
  serviceCode: r.service_code,
  gln: r.gln,
  lat: r.lat,
  lng: r.lng,
  address: r.address,
  description: r.description,
  mediaUrl: r.media_url,
  mediaUrls: JSON.parse(r.media_urls_json),
  attributes: JSON.parse(r.attributes_json),
  contact: r.contact_json ? JSON.parse(r.contact_json) : null,
  deviceHash: r.device_hash,
  agencyId: r.agency_id,
  substatus: r.substatus,
  escalated: r.escalated === 1,
  enforcementStage: r.enforcement_stage,
  serviceNotice: r.service_notice,
  requestedAt: r.requested_at,
  updatedAt: r.updated_at,
  expectedAt: r.expected_at,
  supporters: r.supporters,
  triage: r.triage,
  spam: r.spam === 1,
  published: r.published === 1,
});

export const toNote = (n: NoteRow): Note => ({
  type: n.type,
  datetime: n.datetime,
  author: n.author,
  text: n.text,
  ...(n.substatus ? { substatus: n.substatus } : {}),
  ...(n.enforcement_stage ? { enforcement_stage: n.enforcement_stage } : {}),
  ...(n.code ? { code: n.code } : {}),
  ...(n.params_json ? { params: JSON.parse(n.params_json) } : {}),
});

// The SQL below these lines is the same on both engines (pg-complaints.ts uses it too).
// "Open" for the public counts and for "me too": still awaiting the union's decision (the list
// is the lifecycle's, src/api/lifecycle.ts). Complaints waiting in triage or marked spam count for nothing
// public: a flood must not raise a shop's count nor collect support.
export const OPEN_SUBSTATUSES = `(${OPEN.map((s) => `'${s}'`).join(',')})`;
export const COUNTED = `substatus IN ${OPEN_SUBSTATUSES} AND triage IS NULL AND spam = 0`;
export const VIEW = {
  queue: 'triage IS NULL AND spam = 0',
  triage: 'triage IS NOT NULL AND spam = 0',
  spam: 'spam = 1',
} as const;
export const statusFilter = (status: QueueQuery['status']) =>
  status === 'open'
    ? `AND substatus IN ${OPEN_SUBSTATUSES}`
    : status === 'closed'
      ? `AND substatus NOT IN ${OPEN_SUBSTATUSES}`
      : '';
const AFTER = `AND (escalated < @escalated OR (escalated = @escalated AND (expected_at > @expectedAt OR (expected_at = @expectedAt AND id > @id))))`;

/** The cursor a page ends on: its last row's sort key, when more rows follow. */
export function pageEnd(rows: StoredRequest[], limit: number): QueueCursor | undefined {
  const last = rows[limit - 1];
  return rows.length > limit && last
    ? {
        escalated: last.escalated ? 1 : 0,
        expectedAt: last.expectedAt,
        id: last.id,
        ...(last.triage ? { triage: last.triage } : {}),
      }
    : undefined;
}

export function createComplaintQueries(db: Database.Database) {
  const insertReq =
    db.prepare(`INSERT INTO requests (id, token_hash, service_code, gln, lat, lng, address, description, media_url, media_urls_json, attributes_json, contact_json, device_hash, agency_id, substatus, escalated, enforcement_stage, service_notice, requested_at, updated_at, expected_at, supporters, triage, spam, published)
    VALUES (@id, @tokenHash, @serviceCode, @gln, @lat, @lng, @address, @description, @mediaUrl, @mediaUrls, @attributes, @contact, @deviceHash, @agencyId, @substatus, @escalated, @enforcementStage, @serviceNotice, @requestedAt, @updatedAt, @expectedAt, @supporters, @triage, @spam, @published)`);
  const insertNote = db.prepare(
    `INSERT INTO notes (request_id, type, datetime, author, text, substatus, enforcement_stage, code, params_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], ReqRow>(`SELECT * FROM requests WHERE id = ?`);
  const notesOf = db.prepare<[string], NoteRow>(
    `SELECT type, datetime, author, text, substatus, enforcement_stage, code, params_json FROM notes WHERE request_id = ? ORDER BY id`,
  );
  const update = db.prepare(
    `UPDATE requests SET substatus = @substatus, escalated = @escalated, enforcement_stage = @enforcementStage, updated_at = @updatedAt, expected_at = @expectedAt WHERE id = @id`,
  );
  // One statement per (view, status, first page or not): 18 small prepared queries.
  const pageQueries = new Map<string, Database.Statement>();
  const pageQuery = (q: QueueQuery) => {
    const key = `${q.view}/${q.status ?? ''}/${q.after ? 1 : 0}`;
    let stmt = pageQueries.get(key);
    if (!stmt) {
      const status = statusFilter(q.status);
      // Triage lists each group together (one install's or one burst's complaints side by side).
      const order =
        q.view === 'triage' ? 'triage, escalated DESC, expected_at, id' : 'escalated DESC, expected_at, id';
      stmt = db.prepare(
        `SELECT * FROM requests WHERE agency_id = @agencyId AND ${VIEW[q.view]} ${status} ${q.after && q.view !== 'triage' ? AFTER : ''} ${q.after && q.view === 'triage' ? `AND (triage > @triage OR (triage = @triage ${AFTER}))` : ''} ORDER BY ${order} LIMIT @limit`,
      );
      pageQueries.set(key, stmt);
    }
    return stmt;
  };
  const setTriage = db.prepare(`UPDATE requests SET triage = @triage, spam = @spam WHERE id = @id`);
  const quotaTake = db.prepare(
    `INSERT INTO quotas (key, day, count) VALUES (@key, @day, 1)
     ON CONFLICT (key, day) DO UPDATE SET count = count + 1 WHERE count < @limit RETURNING count`,
  );
  const triageCount = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM requests WHERE agency_id = ? AND triage IS NOT NULL AND spam = 0`,
  );
  const quotaBump = db.prepare<[string, string], { count: number }>(
    `INSERT INTO quotas (key, day, count) VALUES (?, ?, 1)
     ON CONFLICT (key, day) DO UPDATE SET count = count + 1 RETURNING count`,
  );
  const strikeAdd = db.prepare(
    `INSERT INTO strikes (key, count, last_at) VALUES (?, 1, ?) ON CONFLICT (key) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
  );
  const strikeGet = db.prepare<[string], { count: number }>(`SELECT count FROM strikes WHERE key = ?`);
  const quotaPrune = db.prepare(`DELETE FROM quotas WHERE day < ?`);
  const mediaRefs = db.prepare<[], { url: string }>(
    `SELECT DISTINCT j.value AS url FROM requests, json_each(requests.media_urls_json) AS j`,
  );
  const openCounts = db.prepare<[string], { service_code: string; count: number }>(
    `SELECT service_code, COUNT(*) AS count FROM requests WHERE gln = ? AND ${COUNTED} GROUP BY service_code ORDER BY count DESC, service_code`,
  );
  const openOfCategory = db.prepare<[string, string, string], ReqRow & { mine: number }>(
    `SELECT r.*, EXISTS (SELECT 1 FROM supports s WHERE s.request_id = r.id AND s.device_id = ?) AS mine
     FROM requests r WHERE r.gln = ? AND r.service_code = ? AND ${COUNTED}
     ORDER BY r.requested_at, r.id`,
  );
  const support = db.prepare(`INSERT OR IGNORE INTO supports (request_id, device_id) VALUES (?, ?)`);
  const supportedBy = db.prepare<[string, string], { one: number }>(
    `SELECT 1 AS one FROM supports WHERE request_id = ? AND device_id = ?`,
  );
  const bumpSupport = db.prepare(`UPDATE requests SET supporters = supporters + 1 WHERE id = ?`);
  const supporters = db.prepare<[string], { supporters: number }>(
    `SELECT supporters FROM requests WHERE id = ?`,
  );
  const idemGet = db.prepare<[string], { body_hash: string; status: number; response: string }>(
    `SELECT body_hash, status, response FROM idempotency WHERE key = ?`,
  );
  const idemPut = db.prepare(
    `INSERT OR IGNORE INTO idempotency (key, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?)`,
  );

  const lastNote = db.prepare<[string], { id: number }>(
    `SELECT MAX(id) AS id FROM notes WHERE request_id = ?`,
  );

  /** Open311 GET requests: the filters are optional, so the statement is built per call. */
  function listRequests(q: RequestQuery): StoredRequest[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const inList = (column: string, values: string[] | undefined) => {
      if (!values) return;
      where.push(`${column} IN (${values.map(() => '?').join(',') || 'NULL'})`);
      args.push(...values);
    };
    inList('id', q.ids);
    inList('service_code', q.serviceCodes);
    inList('substatus', q.substatuses);
    if (q.start) {
      where.push('requested_at >= ?');
      args.push(q.start);
    }
    if (q.end) {
      where.push('requested_at <= ?');
      args.push(q.end);
    }
    const sql = `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC, id LIMIT ?`;
    return db
      .prepare<(string | number)[], ReqRow>(sql)
      .all(...args, q.limit)
      .map(fromRow);
  }

  function updatesBetween(start: string, end: string, types: Note['type'][], limit: number): StoredUpdate[] {
    const rows = db
      .prepare<(string | number)[], NoteRow & { id: number; request_id: string }>(
        `SELECT id, request_id, type, datetime, author, text, substatus, enforcement_stage, code, params_json FROM notes
         WHERE datetime >= ? AND datetime <= ? AND type IN (${types.map(() => '?').join(',') || 'NULL'})
         ORDER BY datetime, id LIMIT ?`,
      )
      .all(start, end, ...types, limit);
    return rows.map((n): StoredUpdate => ({ ...toNote(n), id: n.id, requestId: n.request_id }));
  }

  const addNotes = (id: string, notes: Note[]) => {
    for (const n of notes)
      insertNote.run(
        id,
        n.type,
        n.datetime,
        n.author,
        n.text,
        n.substatus ?? null,
        n.enforcement_stage ?? null,
        n.code ?? null,
        n.params ? JSON.stringify(n.params) : null,
      );
  };

  return {
    insertRequest: db.transaction((req: StoredRequest, notes: Note[]) => {
      insertReq.run({
        ...req,
        mediaUrls: JSON.stringify(req.mediaUrls),
        attributes: JSON.stringify(req.attributes),
        contact: req.contact ? JSON.stringify(req.contact) : null,
        escalated: req.escalated ? 1 : 0,
        spam: req.spam ? 1 : 0,
        published: req.published ? 1 : 0,
      });
      addNotes(req.id, notes);
    }),
    request(id: string) {
      const r = byId.get(id);
      return r && fromRow(r);
    },
    notes: (id: string): Note[] => notesOf.all(id).map(toNote),
    updateRequest: db.transaction((id: string, patch: RequestPatch, notes: Note[]) => {
      update.run({ id, ...patch, escalated: patch.escalated ? 1 : 0 });
      addNotes(id, notes);
    }),
    queuePage(agencyId: string, q: QueueQuery) {
      const rows = pageQuery(q).all({
        agencyId,
        limit: q.limit + 1,
        ...(q.after ?? {}),
        triage: q.after?.triage ?? null,
      }) as ReqRow[];
      const all = rows.map(fromRow);
      return { items: all.slice(0, q.limit), next: pageEnd(all, q.limit) };
    },
    setTriage(id: string, decision: 'spam' | 'genuine') {
      setTriage.run({ id, triage: null, spam: decision === 'spam' ? 1 : 0 });
    },
    takeQuota: (key: string, day: string, limit: number) =>
      limit > 0 ? ((quotaTake.get({ key, day, limit }) as { count: number } | undefined)?.count ?? 0) : 0,
    triageCount: (agencyId: string) => triageCount.get(agencyId)?.n ?? 0,
    bumpCount: (key: string, day: string) => quotaBump.get(key, day)?.count ?? 0,
    addStrike: (key: string, at: string) => void strikeAdd.run(key, at),
    strikes: (key: string) => strikeGet.get(key)?.count ?? 0,
    pruneQuotas: (day: string) => void quotaPrune.run(day),
    referencedMedia: () => new Set(mediaRefs.all().map((r) => r.url)),
    openCountsByCategory: (gln: string) =>
      openCounts.all(gln).map((r) => ({ serviceCode: r.service_code, count: r.count })),
    addSupport(id: string, deviceHash: string): number {
      if (support.run(id, deviceHash).changes > 0) bumpSupport.run(id);
      return supporters.get(id)?.supporters ?? 0;
    },
    hasSupported: (id: string, deviceHash: string) => supportedBy.get(id, deviceHash) !== undefined,
    supportOpenAt: db.transaction((gln: string, serviceCode: string, deviceHash: string): PlaceSupport => {
      const open = openOfCategory.all(deviceHash, gln, serviceCode);
      // The reporter's own complaint is never backed by the reporter's own phone.
      const others = open.filter((r) => r.device_hash !== deviceHash);
      // A device that already backs one of them gets that one back, so a repeat never spreads
      // its support over a second complaint once the first is closed.
      const already = others.find((r) => r.mine === 1);
      if (already) return { kind: 'backed', request: fromRow(already), added: false };
      const oldest = others[0];
      if (!oldest) return { kind: open.length ? 'own' : 'none' };
      if (support.run(oldest.id, deviceHash).changes > 0) bumpSupport.run(oldest.id);
      return { kind: 'backed', request: fromRow(byId.get(oldest.id)!), added: true };
    }),
    listRequests,
    updatesBetween,
    lastUpdateId: (requestId: string) => lastNote.get(requestId)?.id ?? undefined,
    idempotent(key: string): IdempotentAnswer | undefined {
      const r = idemGet.get(key);
      return r && { bodyHash: r.body_hash, status: r.status, response: r.response };
    },
    saveIdempotent(key: string, a: IdempotentAnswer, at: string) {
      idemPut.run(key, a.bodyHash, a.status, a.response, at);
    },
  };
}
