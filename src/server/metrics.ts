// Request metrics kept in memory by each process, written out in Prometheus's text exposition
// format (version 0.0.4) by routes/metrics.ts. Labels are the route pattern (`/414/*`, never the
// path, so a flood of GLNs adds no series), the method and the status. Observing a request is a
// few Map and array operations; nothing is formatted until a scrape.

/** Upper bounds of the latency histogram, in seconds: lookups live around the first few. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** What one process counted, as plain data: summed across workers by start:cluster. */
export type MetricsSnapshot = {
  /** method, route and status, tab-separated -> requests answered. */
  requests: Record<string, number>;
  /** route -> per-bucket counts (not cumulative; one more for +Inf), sum of seconds, count. */
  latency: Record<string, { buckets: number[]; sum: number; count: number }>;
};

export type Metrics = {
  observe(method: string, route: string, status: number, seconds: number): void;
  snapshot(): MetricsSnapshot;
};

export function createMetrics(): Metrics {
  const requests = new Map<string, number>();
  const latency = new Map<string, { buckets: number[]; sum: number; count: number }>();
  return {
    observe(method, route, status, seconds) {
      const key = `${method}\t${route}\t${status}`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
      let h = latency.get(route);
      if (!h) {
        h = { buckets: new Array(LATENCY_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
        latency.set(route, h);
      }
      let i = 0;
      while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
      h.buckets[i]!++;
      h.sum += seconds;
      h.count++;
    },
    snapshot: () => ({
      requests: Object.fromEntries(requests),
      latency: Object.fromEntries([...latency].map(([k, v]) => [k, { ...v, buckets: [...v.buckets] }])),
    }),
  };
}

/** Several processes' counts as one (start:cluster's workers behind one port). */
export function sumSnapshots(all: MetricsSnapshot[]): MetricsSnapshot {
  const out: MetricsSnapshot = { requests: {}, latency: {} };
  for (const s of all) {
    for (const [k, n] of Object.entries(s.requests)) out.requests[k] = (out.requests[k] ?? 0) + n;
    for (const [route, h] of Object.entries(s.latency)) {
      out.latency[route] ??= { buckets: h.buckets.map(() => 0), sum: 0, count: 0 };
      const into = out.latency[route];
      h.buckets.forEach((n, i) => {
        into.buckets[i]! += n;
      });
      into.sum += h.sum;
      into.count += h.count;
    }
  }
  return out;
}

/** A gauge read at scrape time: one value per label set. */
export type Gauge = { name: string; help: string; label?: string; values: [string | undefined, number][] };

// "label_value can be any sequence of UTF-8 characters, but the backslash (\), double-quote ("),
// and line feed (\n) characters have to be escaped as \\, \", and \n, respectively."
const labelValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (pairs: [string, string][]) =>
  pairs.length ? `{${pairs.map(([k, v]) => `${k}="${labelValue(v)}"`).join(',')}}` : '';
// Values are Go ParseFloat forms: integers as they are, +Inf spelled so.
const num = (n: number) => (n === Number.POSITIVE_INFINITY ? '+Inf' : String(n));

/** The text exposition format: per metric family one HELP, one TYPE, then its samples, together. */
export function renderMetrics(s: MetricsSnapshot, gauges: Gauge[]): string {
  const out: string[] = [];
  out.push('# HELP http_requests_total Requests answered, by method, route pattern and status.');
  out.push('# TYPE http_requests_total counter');
  for (const [key, n] of Object.entries(s.requests).sort()) {
    const [method, route, status] = key.split('\t') as [string, string, string];
    out.push(
      `http_requests_total${labels([
        ['method', method],
        ['route', route],
        ['status', status],
      ])} ${n}`,
    );
  }
  out.push('# HELP http_request_duration_seconds Time to answer a request, by route pattern.');
  out.push('# TYPE http_request_duration_seconds histogram');
  for (const [route, h] of Object.entries(s.latency).sort()) {
    let cumulative = 0;
    [...LATENCY_BUCKETS, Number.POSITIVE_INFINITY].forEach((le, i) => {
      cumulative += h.buckets[i]!;
      out.push(
        `http_request_duration_seconds_bucket${labels([
          ['route', route],
          ['le', num(le)],
        ])} ${cumulative}`,
      );
    });
    out.push(`http_request_duration_seconds_sum${labels([['route', route]])} ${num(h.sum)}`);
    out.push(`http_request_duration_seconds_count${labels([['route', route]])} ${h.count}`);
  }
  for (const g of gauges) {
    out.push(`# HELP ${g.name} ${g.help}`);
    out.push(`# TYPE ${g.name} gauge`);
    for (const [value, n] of g.values)
      out.push(`${g.name}${value === undefined || !g.label ? '' : labels([[g.label, value]])} ${num(n)}`);
  }
  return `${out.join('\n')}\n`;
}
