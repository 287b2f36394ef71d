import type Database from 'better-sqlite3';
import type { ServerLang } from '../i18n.ts';
import type { PushQueries, StoredPushSubscription } from './push-types.ts';

// Push subscriptions on SQLite.

export type PushRow = { request_id: string; endpoint: string; p256dh: string; auth: string; lang: string };

export const toSubscription = (r: PushRow): StoredPushSubscription => ({
  requestId: r.request_id,
  endpoint: r.endpoint,
  keys: { p256dh: r.p256dh, auth: r.auth },
  lang: r.lang as ServerLang,
});

export function createPushQueries(db: Database.Database): PushQueries {
  const count = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM push_subscriptions WHERE request_id = ? AND endpoint <> ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO push_subscriptions (request_id, endpoint, p256dh, auth, lang, created_at)
     VALUES (@requestId, @endpoint, @p256dh, @auth, @lang, @at)
     ON CONFLICT (request_id, endpoint) DO UPDATE
     SET p256dh = excluded.p256dh, auth = excluded.auth, lang = excluded.lang`,
  );
  const list = db.prepare<[string], PushRow>(
    `SELECT request_id, endpoint, p256dh, auth, lang FROM push_subscriptions WHERE request_id = ? ORDER BY created_at`,
  );
  const remove = db.prepare<[string]>(`DELETE FROM push_subscriptions WHERE endpoint = ?`);
  const keep = db.prepare<[string, string]>(
    `INSERT INTO service_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
  );
  const read = db.prepare<[string], { value: string }>(`SELECT value FROM service_secrets WHERE name = ?`);
  return {
    addPushSubscription: (sub, at, cap) =>
      db.transaction(() => {
        if (count.get(sub.requestId, sub.endpoint)!.n >= cap) return false;
        upsert.run({ ...sub, ...sub.keys, at });
        return true;
      })(),
    pushSubscriptions: (requestId) => list.all(requestId).map(toSubscription),
    removePushEndpoint: (endpoint) => remove.run(endpoint).changes,
    sharedSecret(name, candidate) {
      keep.run(name, candidate);
      return read.get(name)!.value;
    },
  };
}
