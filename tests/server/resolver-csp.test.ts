import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startServer } from './harness.ts';

// The app may be pointed at a GS1 resolver on another origin (VITE_RESOLVER_URL or the device
// setting); the page's CSP must let it call that origin and no other.

let h: Harness;
beforeAll(async () => {
  h = await startServer({ env: { RESOLVER_URL: 'https://resolver.registry.example/path/' } });
});
afterAll(async () => {
  await h.stop();
});

describe('CSP with RESOLVER_URL', () => {
  it("adds the resolver's origin to connect-src, beside 'self'", async () => {
    const res = await h.get('/api/v1/locations/1');
    const csp = res.headers.get('content-security-policy')!;
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self' https://resolver.registry.example");
    expect(csp).toContain("default-src 'self'");
  });
});
