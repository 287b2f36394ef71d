// The date window of GeoReport v2's GET Service Requests (and FixMyStreet's update feed, which
// follows it). start_date/end_date: "may not span more than 90 days"; with neither, "Default
// query limit is a span of 90 days or first 1000 requests returned, whichever is smallest."

export const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
// W3C date-time: a date, optionally a time, and (Open311: "must be included") a zone.
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export type Window = { ok: true; start: string; end: string } | { ok: false };

function parse(v: string | undefined): number | undefined | null {
  if (v === undefined || v === '') return undefined;
  if (!W3C.test(v)) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

export function dateWindow(startRaw: string | undefined, endRaw: string | undefined, now: Date): Window {
  const start = parse(startRaw);
  const end = parse(endRaw);
  if (start === null || end === null) return { ok: false };
  const to =
    end ?? (start !== undefined ? Math.min(start + WINDOW_DAYS * DAY_MS, now.getTime()) : now.getTime());
  const from = start ?? to - WINDOW_DAYS * DAY_MS;
  if (from > to || to - from > WINDOW_DAYS * DAY_MS) return { ok: false };
  return { ok: true, start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}
