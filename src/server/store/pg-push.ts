import type { Query } from './pg.ts';
import type { PushQueries } from './push-types.ts';
import { type PushRow, toSubscription } from './sqlite-push.ts';
import type { Async } from './types.ts';

// Push subscriptions on PostgreSQL: the same rows as on SQLite. Adding one locks the complaint's
// row, so two instances cannot both pass the cap.

export function createPgPushQueries(
  q: Query,
  transaction: <T>(fn: () => Promise<T>) => Promise<T>,
): Async<PushQueries> {
  return {
    addPushSubscription: (sub, at, cap) =>
      transaction(async () => {
        await q(`SELECT 1 FROM requests WHERE id = $1 FOR UPDATE`, [sub.requestId]);
        const [row] = await q<{ n: string }>(
          `SELECT COUNT(*) AS n FROM push_subscriptions WHERE request_id = $1 AND endpoint <> $2`,
          [sub.requestId, sub.endpoint],
        );
        if (Number(row!.n) >= cap) return false;
        await q(
          `INSERT INTO push_subscriptions (request_id, endpoint, p256dh, auth, lang, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (request_id, endpoint) DO UPDATE
           SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, lang = EXCLUDED.lang`,
          [sub.requestId, sub.endpoint, sub.keys.p256dh, sub.keys.auth, sub.lang, at],
        );
        return true;
      }),
    pushSubscriptions: async (requestId) =>
      (
        await q<PushRow>(
          `SELECT request_id, endpoint, p256dh, auth, lang FROM push_subscriptions
           WHERE request_id = $1 ORDER BY created_at`,
          [requestId],
        )
      ).map(toSubscription),
    removePushEndpoint: async (endpoint) =>
      (await q(`DELETE FROM push_subscriptions WHERE endpoint = $1 RETURNING 1`, [endpoint])).length,
    async sharedSecret(name, candidate) {
      await q(`INSERT INTO service_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
        name,
        candidate,
      ]);
      const [row] = await q<{ value: string }>(`SELECT value FROM service_secrets WHERE name = $1`, [name]);
      return row!.value;
    },
  };
}
