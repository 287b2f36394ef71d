import { createPublicKey, createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUSH_API, PushKeySchema, PushMessageSchema } from '../../src/api/index.ts';
import { newSubscriber, type PushService, startPushService } from '../push-service.ts';
import { expectPersianError, fileOverpricing, type Harness, startServer } from './harness.ts';

// Reply notifications over Web Push: RFC 8030 (the push service protocol), RFC 8291 (message
// encryption) and RFC 8292 (VAPID). The push service here is the test's own, on 127.0.0.1; the
// subscriber's keys are the test's, so each message is decrypted to prove what the phone gets.

const UNION = 'union-4711-tehran';
let h: Harness;
let ps: PushService;
beforeAll(async () => {
  ps = await startPushService();
  h = await startServer({ push: { allowLoopbackHttp: true, timeoutMs: 60_000 } });
});
afterAll(async () => {
  await h.stop();
  await ps.close();
});

function subscribe(token: string, body: unknown, lang = 'fa') {
  return fetch(h.url + PUSH_API.subscriptions, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Accept-Language': lang,
    },
    body: JSON.stringify(body),
  });
}

function unionReply(id: string, extra: Record<string, unknown>) {
  return h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: id, action: 'reply', ...extra },
    { Authorization: `Bearer ${h.token(UNION)}` },
  );
}

function reporterFollowUp(id: string, token: string) {
  return h.post(
    '/open311/v2/servicerequestupdates.json',
    { service_request_id: id, action: 'follow_up', description: 'رسید خرید را هم دارم.' },
    { Authorization: `Bearer ${token}` },
  );
}

async function vapidKey() {
  return PushKeySchema.parse(await (await h.get(PUSH_API.key)).json()).public_key;
}

describe('reply notifications', () => {
  it('sends the union reply, encrypted for the subscriber (RFC 8291 aes128gcm), in Persian', async () => {
    const c = await fileOverpricing(h);
    const phone = newSubscriber();
    const res = await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: phone.json(`${ps.url}/phone-1`),
    });
    expect(res.status).toBe(201);
    const arriving = ps.next('/phone-1');
    expect(
      (await unionReply(c.service_request_id, { description: 'بازرس فردا به مغازه می‌رود.' })).status,
    ).toBe(201);
    const msg = await arriving;
    // RFC 8291 §4: "Content-Encoding: aes128gcm"; RFC 8030 §5.2: a push message carries a TTL.
    expect(msg.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(msg.headers.ttl)).toBeGreaterThan(0);
    const payload = PushMessageSchema.parse(JSON.parse(phone.open(msg.body)));
    expect(payload).toEqual({
      title: 'پاسخ اتحادیه به شکایت شما',
      body: 'بازرس فردا به مغازه می‌رود.',
      service_request_id: c.service_request_id,
      lang: 'fa',
    });
  });

  it('signs each request with the advertised VAPID key (RFC 8292 §3: "vapid t=<JWT>, k=<key>")', async () => {
    const c = await fileOverpricing(h);
    const phone = newSubscriber();
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: phone.json(`${ps.url}/phone-vapid`),
    });
    const arriving = ps.next('/phone-vapid');
    await unionReply(c.service_request_id, { substatus: 'under_review' });
    const auth = String((await arriving).headers.authorization);
    const m = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(auth);
    expect(m).not.toBeNull();
    const key = await vapidKey();
    expect(m![2]).toBe(key);
    // RFC 8292 §2: an ES256 JWT whose "aud" is the push resource's origin, verifiable with k.
    const [head, claims, sig] = m![1]!.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(claims, 'base64url').toString()).aud).toBe(ps.url);
    const raw = Buffer.from(key, 'base64url');
    const pub = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: raw.subarray(1, 33).toString('base64url'),
        y: raw.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    });
    const ok = createVerify('SHA256')
      .update(`${head}.${claims}`)
      .verify({ key: pub, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
    expect(ok).toBe(true);
  });

  it('words a change of state in the language the reporter subscribed in', async () => {
    const c = await fileOverpricing(h);
    const phone = newSubscriber();
    await subscribe(
      c.access_token,
      { service_request_id: c.service_request_id, subscription: phone.json(`${ps.url}/phone-en`) },
      'en',
    );
    const arriving = ps.next('/phone-en');
    await unionReply(c.service_request_id, { substatus: 'under_review' });
    const payload = PushMessageSchema.parse(JSON.parse(phone.open((await arriving).body)));
    expect(payload.title).toBe("Your complaint's status changed");
    expect(payload.body).toBe('Under review');
    expect(payload.lang).toBe('en');
  });

  it('does not notify the reporter of their own follow-up', async () => {
    const c = await fileOverpricing(h);
    const phone = newSubscriber();
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: phone.json(`${ps.url}/phone-quiet`),
    });
    expect((await reporterFollowUp(c.service_request_id, c.access_token)).status).toBe(201);
    const arriving = ps.next('/phone-quiet');
    await unionReply(c.service_request_id, { description: 'دریافت شد.' });
    const payload = PushMessageSchema.parse(JSON.parse(phone.open((await arriving).body)));
    // The first message to arrive is the union's, not one for the follow-up before it.
    expect(payload.body).toBe('دریافت شد.');
    await h.deps.push.sender.idle();
    expect(ps.received.filter((r) => r.path === '/phone-quiet')).toHaveLength(1);
  });

  it('answers the reply without waiting for the push service', async () => {
    const c = await fileOverpricing(h);
    ps.answer('/phone-stuck', 'hang');
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: newSubscriber().json(`${ps.url}/phone-stuck`),
    });
    const arriving = ps.next('/phone-stuck');
    const res = await unionReply(c.service_request_id, { description: 'در دست بررسی است.' });
    expect(res.status).toBe(201);
    // The push service still holds its answer; the reply was answered all the same.
    await arriving;
    ps.release('/phone-stuck');
    await h.deps.push.sender.idle();
  });

  it('forgets a subscription the push service says is gone (RFC 8030 §7.3: 410)', async () => {
    const c = await fileOverpricing(h);
    ps.answer('/phone-gone', 410);
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: newSubscriber().json(`${ps.url}/phone-gone`),
    });
    const phone = newSubscriber();
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: phone.json(`${ps.url}/phone-alive`),
    });
    await unionReply(c.service_request_id, { description: 'اول' });
    await h.deps.push.sender.idle();
    await unionReply(c.service_request_id, { description: 'دوم' });
    await h.deps.push.sender.idle();
    expect(ps.received.filter((r) => r.path === '/phone-gone')).toHaveLength(1);
    expect(ps.received.filter((r) => r.path === '/phone-alive')).toHaveLength(2);
  });

  it('stops after the browser unsubscribes', async () => {
    const c = await fileOverpricing(h);
    const endpoint = `${ps.url}/phone-off`;
    await subscribe(c.access_token, {
      service_request_id: c.service_request_id,
      subscription: newSubscriber().json(endpoint),
    });
    const off = await fetch(h.url + PUSH_API.subscriptions, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ endpoint }),
    });
    expect(off.status).toBe(204);
    await unionReply(c.service_request_id, { description: 'پاسخ' });
    await h.deps.push.sender.idle();
    expect(ps.received.filter((r) => r.path === '/phone-off')).toHaveLength(0);
  });
});

describe('subscribing', () => {
  it("needs the complaint's reporter token: the union's or another's is a 404", async () => {
    const c = await fileOverpricing(h);
    const other = await fileOverpricing(h);
    const body = {
      service_request_id: c.service_request_id,
      subscription: newSubscriber().json(`${ps.url}/x`),
    };
    await expectPersianError(await subscribe(other.access_token, body), 404, 'not-found');
    await expectPersianError(await subscribe(h.token(UNION), body), 404, 'not-found');
    const none = await fetch(h.url + PUSH_API.subscriptions, { method: 'PUT', body: JSON.stringify(body) });
    await expectPersianError(none, 401, 'unauthorized');
  });

  it('refuses an endpoint that is not a known push service, so the service knocks on nothing else', async () => {
    const c = await fileOverpricing(h);
    for (const endpoint of [
      'https://intranet.example/hook',
      'http://10.0.0.1/push',
      'ftp://fcm.googleapis.com/x',
    ]) {
      const res = await subscribe(c.access_token, {
        service_request_id: c.service_request_id,
        subscription: newSubscriber().json(endpoint),
      });
      await expectPersianError(res, 400, 'validation');
    }
  });

  it('keeps at most a handful of phones per complaint', async () => {
    const c = await fileOverpricing(h);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await subscribe(c.access_token, {
            service_request_id: c.service_request_id,
            subscription: newSubscriber().json(`${ps.url}/many-${i}`),
          })
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409, 409]);
  });
});

describe('VAPID keys', () => {
  it('are drawn once and kept across a restart', async () => {
    const key = await vapidKey();
    const again = await startServer({
      dataDir: h.dataDir,
      ...(h.databaseUrl ? { databaseUrl: h.databaseUrl } : {}),
    });
    try {
      const res = await again.get(PUSH_API.key);
      expect(PushKeySchema.parse(await res.json()).public_key).toBe(key);
    } finally {
      await again.close();
    }
  });
});
