import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_GLN, type Harness } from './harness.ts';
import { runConformance } from './resolver-suite.ts';
import { startTlsServer, type TlsServer } from './tls-server.ts';

// "SHALL support HTTP Over TLS (HTTPS)": the HTTPS option (TLS_CERT_FILE / TLS_KEY_FILE in
// `npm start`) with a certificate made here for 127.0.0.1, and the conformance run over it.

let h: Harness;
let ca: string;
let tls: TlsServer;

beforeAll(async () => {
  tls = await startTlsServer();
  ({ h, ca } = tls);
});
afterAll(() => tls.stop());

function getOverTls(path: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(h.url + path, { ca, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      })
      .on('error', reject);
  });
}

describe('the resolver over HTTPS', () => {
  it('serves on an https URL and builds every absolute URL with https', async () => {
    expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const redirect = await getOverTls(`/414/${FIRST_GLN}`);
    expect(redirect.status).toBe(307);
    expect(redirect.location).toBe(`${h.url}/place/${FIRST_GLN}`);
    const linkset = JSON.parse((await getOverTls(`/414/${FIRST_GLN}?linkType=linkset`)).body);
    expect(linkset.linkset[0].anchor).toBe(`${h.url}/414/${FIRST_GLN}`);
    const description = JSON.parse((await getOverTls('/.well-known/gs1resolver')).body);
    expect(description.resolverRoot).toBe(h.url);
  });

  it('refuses a client that does not trust the certificate (no silent downgrade)', async () => {
    await expect(
      new Promise((resolve, reject) => https.get(`${h.url}/414/${FIRST_GLN}`, resolve).on('error', reject)),
    ).rejects.toThrow();
  });

  it('passes the conformance run with "SHALL support HTTP Over TLS (HTTPS)" met', async () => {
    const { mode, checks } = await runConformance(`${h.url}/414/${FIRST_GLN}/254/E1`, { ca });
    expect(mode).toBe('resolvable');
    expect(checks.find((c) => c.id === 'isHttps')?.status).toBe('pass');
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual(['ltAllNoRedirect']);
  });
});
