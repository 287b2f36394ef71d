import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startServer } from './harness.ts';

// What a load balancer asks before sending an instance traffic, and what it asks to restart one.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

describe('health and readiness', () => {
  it('is live and ready while its database answers, and never cached', async () => {
    const live = await h.get('/healthz');
    expect(live.status).toBe(200);
    expect(live.headers.get('cache-control')).toBe('no-store');
    const ready = await h.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('stays live but stops being ready once its database is gone', async () => {
    await h.deps.store.close();
    expect((await h.get('/healthz')).status).toBe(200);
    const ready = await h.get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
  });
});
