import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from '../harness.ts';

// Issue 11, point 7, the smaller findings: the Host header named absolute URLs; known and
// unknown complaint ids answered differently; `lat: null` filed at (0,0); right-to-left override
// characters reached the clerk; a malformed chunked body logged a stack trace.

const PUBLIC = 'https://qr.example.ir';
let h: Harness;
beforeAll(async () => {
  h = await startServer({ publicUrl: PUBLIC });
});
afterAll(() => h.stop());

/** A GET with a Host header of the attacker's choosing (fetch will not send one). */
function withHost(path: string, host: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: h.port, path, headers: { Host: host, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('absolute URLs name PUBLIC_URL, never the Host header', () => {
  it('in the resolver redirect, its Link header and the linkset', async () => {
    const r = await withHost(`/414/${FIRST_GLN}`, 'evil.example');
    expect(r.status).toBe(307);
    expect(String(r.headers.location)).toMatch(new RegExp(`^${PUBLIC}/place/${FIRST_GLN}`));
    expect(String(r.headers.link)).toContain(`<${PUBLIC}/414/${FIRST_GLN}`);
    const set = await withHost(`/414/${FIRST_GLN}?linkType=linkset`, 'evil.example');
    expect(set.body).not.toContain('evil.example');
    expect(set.body).toContain(PUBLIC);
  });

  it('in the cached resolver description and the demo plates', async () => {
    const d = await withHost('/.well-known/gs1resolver', 'evil.example');
    expect(JSON.parse(d.body).resolverRoot).toBe(PUBLIC);
    const plates = await withHost('/demo/plates', 'evil.example');
    expect(plates.body).not.toContain('evil.example');
  });

  it('defaults to the address the server listens on when PUBLIC_URL is not set', async () => {
    const plain = await startServer();
    try {
      const r = await new Promise<string>((resolve) => {
        request(
          {
            host: '127.0.0.1',
            port: plain.port,
            path: `/414/${FIRST_GLN}`,
            headers: { Host: 'evil.example' },
          },
          (res) => resolve(String(res.headers.location)),
        ).end();
      });
      expect(r.startsWith(`${plain.url}/place/`)).toBe(true);
    } finally {
      await plain.stop();
    }
  });
});

describe('complaint ids cannot be told apart by their answers', () => {
  // Ids themselves are public (Open311's GET requests lists them, and a keyless read answers the
  // public view), so what must not leak is whose a complaint is: a token that opens nothing is
  // answered exactly as an unknown id, for reading and for updating.
  it('answers a wrong token on a known id exactly as on an unknown one', async () => {
    const known = (await fileOverpricing(h)).service_request_id;
    const other = await fileOverpricing(h);
    const read = async (id: string, token?: string) => {
      const res = await h.get(
        `/open311/v2/requests/${id}.json`,
        token ? { headers: { Authorization: `Bearer ${token}` } } : {},
      );
      return `${res.status} ${await res.text()}`;
    };
    expect(await read(known)).toMatch(/^200/);
    expect(await read('ZZZZZZZZ')).toMatch(/^404/);
    expect(await read(known, other.access_token)).toBe(await read('ZZZZZZZZ', other.access_token));
    expect(await read(known, other.access_token)).toMatch(/^404/);
    const update = async (id: string) => {
      const res = await h.post(
        '/open311/v2/servicerequestupdates.json',
        { service_request_id: id, action: 'withdraw' },
        { Authorization: `Bearer ${other.access_token}` },
      );
      return `${res.status} ${await res.text()}`;
    };
    expect(await update(known)).toBe(await update('ZZZZZZZZ'));
  });
});

describe('coordinates are strict', () => {
  const missingPlate = { service_code: 'no_plate', attribute: { guild_code: '4771' } };
  it.each([
    ['lat: null', { lat: null, long: 51.4 }],
    ['both null', { lat: null, long: null }],
    ['empty text', { lat: '', long: '' }],
    ['only one', { lat: 35.7 }],
    ['not a number', { lat: 'north', long: 51.4 }],
  ])('refuses %s instead of filing at (0,0)', async (_name, position) => {
    const res = await h.post('/open311/v2/requests.json', { ...missingPlate, ...position });
    await expectPersianError(res, 400, 'validation');
  });

  it('files a real position as given', async () => {
    const res = await h.post('/open311/v2/requests.json', { ...missingPlate, lat: 35.7, long: 51.4 });
    expect(res.status).toBe(201);
  });
});

describe('bidirectional control characters', () => {
  it('never reach the clerk or the reporter: "\\u202Egnp.exe" stays "gnp.exe"', async () => {
    const filed = await fileOverpricing(h, {
      description: 'فاکتور: \u202Egnp.exe \u2066x\u2069 \u200Fy\u061C',
      attribute: { price_paid: 150000, labelled_price: 120000 },
      first_name: '\u202Bمریم',
    });
    const queue = await (
      await h.get('/open311/v2/union/requests.json?limit=200', {
        headers: { Authorization: `Bearer ${h.token('union-4711-tehran')}` },
      })
    ).text();
    const mine = await (
      await h.get(`/open311/v2/requests/${filed.service_request_id}.json`, {
        headers: { Authorization: `Bearer ${filed.access_token}` },
      })
    ).text();
    const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|\\u202[a-e]|\\u206[6-9]|\\u200[ef]|\\u061c/i;
    for (const text of [queue, mine]) {
      expect(text).toContain('gnp.exe');
      expect(text).not.toMatch(BIDI);
    }
    const update = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: filed.service_request_id, action: 'follow_up', description: 'پیگیری \u202Eabc' },
      { Authorization: `Bearer ${filed.access_token}` },
    );
    expect(await update.text()).not.toMatch(BIDI);
  });
});

describe('client errors in the log', () => {
  it('a malformed chunked body is answered 400 and logged in one line, without a stack', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const answer = await new Promise<string>((resolve) => {
        const s = connect(h.port, '127.0.0.1', () =>
          s.write(
            `POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Install-Token: ${h.installToken}\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
          ),
        );
        let data = '';
        s.on('data', (d) => (data += d));
        s.on('close', () => resolve(data));
        setTimeout(() => s.destroy(), 1500);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(error).not.toHaveBeenCalled();
      const logged = warn.mock.calls.flat().map((x) => (x instanceof Error ? x.stack : String(x)));
      for (const line of logged) expect(line).not.toMatch(/\n\s+at /);
    } finally {
      error.mockRestore();
      warn.mockRestore();
    }
  });
});
