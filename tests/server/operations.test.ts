// @ts-expect-error parse-prometheus-text-format ships no type declarations; its output is typed below.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/log.ts';
import { FIRST_GLN, fileOverpricing, type Harness, startServer } from './harness.ts';

// Issue 14, "Health and operations": "structured JSON logs with request ids, Prometheus-style
// /metrics (request rate, latency histograms, queue depth)". The exposition format is checked
// against https://prometheus.io/docs/instrumenting/exposition_formats/ (quoted below), and with
// a real parser from npm (parse-prometheus-text-format).

type Family = {
  name: string;
  help: string;
  type: string;
  metrics: {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }[];
};
const parse = parsePrometheusTextFormat as (text: string) => Family[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and JSON log lines', () => {
  const lines: string[] = [];
  let h: Harness;
  let proxied: Harness;
  beforeAll(async () => {
    h = await startServer({ log: createLogger('json', (line) => lines.push(line)) });
    proxied = await startServer({ limits: { trustProxy: 1 } });
  });
  afterAll(async () => {
    await h.stop();
    await proxied.stop();
  });

  it('gives every answer an id of its own and writes one JSON line per request with it', async () => {
    lines.length = 0;
    const a = await h.get(`/api/v1/locations/${FIRST_GLN}`);
    const b = await h.get('/api/v1/locations/6260000000026');
    const idA = a.headers.get('x-request-id')!;
    expect(idA).toMatch(UUID);
    expect(b.headers.get('x-request-id')).not.toBe(idA);
    await new Promise((r) => setTimeout(r, 10));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) expect(l.endsWith('\n') && !l.slice(0, -1).includes('\n')).toBe(true);
    const line = parsed.find((p) => p.request_id === idA)!;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/api/v1/locations/:gln',
      status: 200,
    });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(line.duration_ms).toBeTypeOf('number');
    // The route pattern, never the path: what a shopper looked up stays out of the log.
    expect(lines.join('')).not.toContain(FIRST_GLN);
  });

  it('ignores a client-written X-Request-Id unless a trusted proxy stands in front', async () => {
    const headers = { 'X-Request-Id': 'client-chosen-id-123' };
    expect((await h.get('/healthz', { headers })).headers.get('x-request-id')).toMatch(UUID);
    expect((await proxied.get('/healthz', { headers })).headers.get('x-request-id')).toBe(
      'client-chosen-id-123',
    );
    // Even from a proxy, an id that could forge log content is replaced.
    const odd = await proxied.get('/healthz', { headers: { 'X-Request-Id': 'a"b c' } });
    expect(odd.headers.get('x-request-id')).toMatch(UUID);
  });

  it('carries the id on errors too, and lets pages on other origins read it (CORS)', async () => {
    const res = await h.get('/api/v1/locations/6260000000019x', {
      headers: { Origin: 'https://partner.example' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(UUID);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);
  });
});

describe('/metrics', () => {
  let h: Harness;
  const scrape = async (token = h.deps.metricsToken) =>
    h.get('/metrics', { headers: { Authorization: `Bearer ${token}` } });
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.stop());

  it('answers nothing to anyone without the operator token, as an unknown path', async () => {
    expect((await h.get('/metrics')).status).toBe(404);
    expect((await scrape('not-the-token-but-just-as-long-as-one-xx')).status).toBe(404);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('counts requests by route pattern and status, with a latency histogram per route', async () => {
    for (let i = 0; i < 5; i++) await h.get(`/api/v1/locations/${FIRST_GLN}`);
    await h.get('/api/v1/locations/6260000000000');
    const res = await scrape();
    // "HTTP Content-Type: text/plain; version=0.0.4"
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = parse(text);
    const requests = families.find((f) => f.name === 'http_requests_total')!;
    expect(requests.type).toBe('COUNTER');
    const count = (status: string) =>
      Number(
        requests.metrics.find(
          (m) =>
            m.labels?.route === '/api/v1/locations/:gln' &&
            m.labels.status === status &&
            m.labels.method === 'GET',
        )?.value ?? 0,
      );
    expect(count('200')).toBeGreaterThanOrEqual(5);
    expect(count('400')).toBeGreaterThanOrEqual(1); // a wrong check digit
    const latency = families.find((f) => f.name === 'http_request_duration_seconds')!;
    expect(latency.type).toBe('HISTOGRAM');
    expect(latency.metrics.every((m) => m.buckets?.['+Inf'] !== undefined)).toBe(true);
    // The parser keeps only a histogram's buckets; its per-route count and sum are read here.
    const series = (name: string) =>
      Number(new RegExp(`^${name}\\{route="/api/v1/locations/:gln"\\} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(series('http_request_duration_seconds_count')).toBeGreaterThanOrEqual(6);
    expect(series('http_request_duration_seconds_sum')).toBeGreaterThan(0);
  });

  it('reports the open complaints in each queue, and the tables that grow with use', async () => {
    const depth = async () => {
      const families = parse(await (await scrape()).text());
      const open = families.find((f) => f.name === 'kbf_open_complaints')!;
      expect(open.type).toBe('GAUGE');
      const tables = families.find((f) => f.name === 'kbf_table_rows')!;
      expect(tables.metrics.map((m) => m.labels?.table)).toContain('idempotency');
      return Number(open.metrics.find((m) => m.labels?.agency === 'union-4711-tehran')?.value ?? 0);
    };
    const before = await depth();
    await fileOverpricing(h);
    await fileOverpricing(h);
    expect(await depth()).toBe(before + 2);
  });

  it('follows the text exposition format line by line', async () => {
    await h.get('/414/6260000000019?linkType=linkset');
    const text = await (await scrape()).text();
    // "Lines are separated by a line feed character (\n). The last line must end with a line feed character."
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const lines = text.slice(0, -1).split('\n');
    const typed = new Map<string, string>();
    const sampled = new Set<string>();
    const family = (sample: string) => {
      const base = sample.replace(/_(bucket|sum|count)$/, '');
      return typed.get(base) === 'histogram' ? base : sample;
    };
    let last = '';
    const histograms = new Map<string, { buckets: [number, number][]; count?: number }>();
    for (const line of lines) {
      const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
      if (meta) {
        if (meta[1] === 'TYPE') {
          // "Only one TYPE line may exist for a given metric name. The TYPE line for a metric name
          // must appear before the first sample is reported for that metric name."
          expect(typed.has(meta[2]!)).toBe(false);
          expect(sampled.has(meta[2]!)).toBe(false);
          expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(meta[3]);
          typed.set(meta[2]!, meta[3]!);
        }
        continue;
      }
      // metric_name [ "{" label_name "=" `"` label_value `"` { "," … } [ "," ] "}" ] value [ timestamp ]
      const m =
        /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (\S+)$/.exec(
          line,
        );
      expect(m, line).not.toBeNull();
      const [, name, labels = '', value] = m!;
      // "value is a float represented as required by Go's ParseFloat() function … NaN, +Inf, and -Inf"
      expect(value).toMatch(/^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|NaN|[+-]Inf)$/i);
      const fam = family(name!);
      // Every sample's family has its TYPE first, and a family's samples come together.
      expect(typed.has(fam), fam).toBe(true);
      if (fam !== last) expect(sampled.has(fam), `${fam} split in two groups`).toBe(false);
      sampled.add(fam);
      last = fam;
      if (typed.get(fam) === 'histogram') {
        const series = labels.replace(/,?le="[^"]*"/, '');
        const h = histograms.get(series) ?? { buckets: [] };
        histograms.set(series, h);
        const le = /le="([^"]+)"/.exec(labels)?.[1];
        if (name!.endsWith('_bucket')) h.buckets.push([le === '+Inf' ? Infinity : Number(le), Number(value)]);
        if (name!.endsWith('_count')) h.count = Number(value);
      }
    }
    expect(histograms.size).toBeGreaterThan(0);
    for (const [series, h] of histograms) {
      // "A histogram must have a bucket with {le="+Inf"}. Its value must be identical to the value
      // of x_count. The buckets of a histogram … must appear in increasing numerical order of
      // their label values"; each bucket counts everything at or below its bound (cumulative).
      expect(h.buckets.at(-1)![0], series).toBe(Infinity);
      expect(h.buckets.at(-1)![1], series).toBe(h.count);
      for (let i = 1; i < h.buckets.length; i++) {
        expect(h.buckets[i]![0]).toBeGreaterThan(h.buckets[i - 1]![0]);
        expect(h.buckets[i]![1]).toBeGreaterThanOrEqual(h.buckets[i - 1]![1]);
      }
    }
  });
});
