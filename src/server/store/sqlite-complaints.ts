import type Database from 'better-sqlite3';
import type { Note } from '../../api/index.ts';
import type { IdempotentAnswer, PlaceSupport, RequestPatch, StoredRequest } from './types.ts';

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
};
export type NoteRow = {
  type: Note['type'];
  datetime: string;
  author: Note['author'];
  text: string;
  substatus: Note['substatus'] | null;
  enforcement_stage: Note['enforcement_stage'] | null;
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
});

export const toNote = (n: NoteRow): Note => ({
  type: n.type,
  datetime: n.datetime,
  author: n.author,
  text: n.text,
  ...(n.substatus ? { substatus: n.substatus } : {}),
  ...(n.enforcement_stage ? { enforcement_stage: n.enforcement_stage } : {}),
});

// "Open" for the public counts and for "me too": still awaiting the union's decision.
export const OPEN_SUBSTATUSES = `('received','under_review','hearing_scheduled')`;

export function createComplaintQueries(db: Database.Database) {
  const insertReq =
    db.prepare(`INSERT INTO requests (id, token_hash, service_code, gln, lat, lng, address, description, media_url, media_urls_json, attributes_json, contact_json, device_hash, agency_id, substatus, escalated, enforcement_stage, service_notice, requested_at, updated_at, expected_at, supporters)
    VALUES (@id, @tokenHash, @serviceCode, @gln, @lat, @lng, @address, @description, @mediaUrl, @mediaUrls, @attributes, @contact, @deviceHash, @agencyId, @substatus, @escalated, @enforcementStage, @serviceNotice, @requestedAt, @updatedAt, @expectedAt, @supporters)`);
  const insertNote = db.prepare(
    `INSERT INTO notes (request_id, type, datetime, author, text, substatus, enforcement_stage) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], ReqRow>(`SELECT * FROM requests WHERE id = ?`);
  const notesOf = db.prepare<[string], NoteRow>(
    `SELECT type, datetime, author, text, substatus, enforcement_stage FROM notes WHERE request_id = ? ORDER BY id`,
  );
  const update = db.prepare(
    `UPDATE requests SET substatus = @substatus, escalated = @escalated, enforcement_stage = @enforcementStage, updated_at = @updatedAt, expected_at = @expectedAt WHERE id = @id`,
  );
  const queueOf = db.prepare<[string], ReqRow>(
    `SELECT * FROM requests WHERE agency_id = ? ORDER BY requested_at DESC, id LIMIT 500`,
  );
  const openCounts = db.prepare<[string], { service_code: string; count: number }>(
    `SELECT service_code, COUNT(*) AS count FROM requests WHERE gln = ? AND substatus IN ${OPEN_SUBSTATUSES} GROUP BY service_code ORDER BY count DESC, service_code`,
  );
  const openOfCategory = db.prepare<[string, string, string], ReqRow & { mine: number }>(
    `SELECT r.*, EXISTS (SELECT 1 FROM supports s WHERE s.request_id = r.id AND s.device_id = ?) AS mine
     FROM requests r WHERE r.gln = ? AND r.service_code = ? AND r.substatus IN ${OPEN_SUBSTATUSES}
     ORDER BY r.requested_at, r.id`,
  );
  const support = db.prepare(`INSERT OR IGNORE INTO supports (request_id, device_id) VALUES (?, ?)`);
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
    queue: (agencyId: string) => queueOf.all(agencyId).map(fromRow),
    openCountsByCategory: (gln: string) =>
      openCounts.all(gln).map((r) => ({ serviceCode: r.service_code, count: r.count })),
    addSupport(id: string, deviceHash: string): number {
      if (support.run(id, deviceHash).changes > 0) bumpSupport.run(id);
      return supporters.get(id)?.supporters ?? 0;
    },
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
    idempotent(key: string): IdempotentAnswer | undefined {
      const r = idemGet.get(key);
      return r && { bodyHash: r.body_hash, status: r.status, response: r.response };
    },
    saveIdempotent(key: string, a: IdempotentAnswer, at: string) {
      idemPut.run(key, a.bodyHash, a.status, a.response, at);
    },
  };
}
