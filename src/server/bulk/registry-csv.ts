import { checkGln } from '../../api/gln.ts';
import type { LocationRole, LocationStatus, VerificationLevel } from '../../api/index.ts';
import type { SeedLicence, SeedLocation } from '../seed/types.ts';
import type { RegistryBatch } from './columns.ts';
import { CsvSyntaxError, readCsv } from './csv.ts';
import { inIran } from './iran-outline.ts';

// A registry CSV export (README "Importing a registry export"): every row is checked first, and
// the file is written only when none is wrong, in one transaction. Problems are codes with the
// line, the field and parameters; their words are `registry:problem.{code}` in locales/*/registry.json.

/** The columns, in the documented order; the header names them (any order, extra columns ignored). */
export const CSV_COLUMNS = [
  'gln',
  'name',
  'role',
  'licence_id',
  'licence_holder',
  'licence_issued_at',
  'licence_expires_at',
  'guild_code',
  'service_code',
  'province',
  'county',
  'city',
  'street',
  'plate',
  'floor',
  'unit',
  'postcode',
  'lat',
  'lng',
  'verification_level',
  'status',
  'status_since',
  'replaced_by',
  'updated_at',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
/** May be left empty. */
const OPTIONAL = new Set<Column>(['replaced_by', 'updated_at']);

const ROLES: readonly LocationRole[] = ['main', 'branch', 'warehouse'];
const STATUSES: readonly LocationStatus[] = ['active', 'sealed', 'closed', 'moved'];
const LEVELS = ['1', '2', '3', '4'];

export type ProblemCode =
  | 'empty-file'
  | 'bad-csv'
  | 'missing-column'
  | 'field-count'
  | 'missing-field'
  | 'bad-gln'
  | 'bad-check-digit'
  | 'unknown-guild'
  | 'bad-number'
  | 'outside-iran'
  | 'not-in-list'
  | 'bad-date'
  | 'duplicate-gln'
  | 'licence-conflict';

export type Problem = {
  line: number;
  field?: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
};
export type CheckResult = { rows: number; problems: Problem[]; more: number };

/** Problems reported at most; beyond it only their count (a wholly wrong file is one mistake). */
export const MAX_PROBLEMS = 200;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

type Parsed = { location: SeedLocation; licence: SeedLicence };

/** One record's fields checked and turned into rows; problems are pushed to `out`. */
function parseRecord(
  line: number,
  get: (c: Column) => string,
  guilds: Set<string>,
  now: string,
  out: Problem[],
): Parsed | undefined {
  const before = out.length;
  const p = (field: Column, code: ProblemCode, params?: Problem['params']) =>
    out.push({ line, field, code, ...(params ? { params } : {}) });
  for (const c of CSV_COLUMNS) if (!OPTIONAL.has(c) && get(c).trim() === '') p(c, 'missing-field');
  const value = (c: Column) => get(c).trim();
  const gln = (c: Column) => {
    const v = value(c);
    if (!v) return;
    const check = checkGln(v);
    if (!check.ok)
      p(
        c,
        check.code,
        check.code === 'bad-check-digit' ? { expected: check.expected, actual: check.actual } : { value: v },
      );
  };
  gln('gln');
  gln('replaced_by');
  const guild = value('guild_code');
  if (guild && !guilds.has(guild)) p('guild_code', 'unknown-guild', { value: guild });
  const oneOf = (c: Column, allowed: readonly string[]) => {
    const v = value(c);
    if (v && !allowed.includes(v)) p(c, 'not-in-list', { value: v, allowed: allowed.join(', ') });
  };
  oneOf('role', ROLES);
  oneOf('status', STATUSES);
  oneOf('verification_level', LEVELS);
  const date = (c: Column) => {
    const v = value(c);
    if (!v) return undefined;
    const t = Date.parse(v);
    if (!ISO_DATE.test(v) || Number.isNaN(t)) {
      p(c, 'bad-date', { value: v });
      return undefined;
    }
    return new Date(t).toISOString();
  };
  const dates = {
    issued: date('licence_issued_at'),
    expires: date('licence_expires_at'),
    since: date('status_since'),
    updated: date('updated_at'),
  };
  const number = (c: Column) => {
    const v = value(c);
    const n = Number(v);
    if (v && (!/^-?\d+(?:\.\d+)?$/.test(v) || !Number.isFinite(n))) p(c, 'bad-number', { value: v });
    return n;
  };
  const lat = number('lat');
  const lng = number('lng');
  if (out.length === before && !inIran(lat, lng))
    p('lat', 'outside-iran', { latitude: String(lat), longitude: String(lng) });
  if (out.length > before) return undefined;
  return {
    licence: {
      id: value('licence_id'),
      holder: value('licence_holder'),
      guildCode: guild,
      issuedAt: dates.issued!,
      expiresAt: dates.expires!,
    },
    location: {
      gln: value('gln'),
      name: value('name'),
      role: value('role') as LocationRole,
      licenceId: value('licence_id'),
      guildCode: guild,
      serviceCode: value('service_code'),
      province: value('province'),
      city: value('city'),
      county: value('county'),
      street: value('street'),
      plate: value('plate'),
      floor: value('floor'),
      unit: value('unit'),
      postcode: value('postcode'),
      lat,
      lng,
      verificationLevel: Number(value('verification_level')) as VerificationLevel,
      status: value('status') as LocationStatus,
      statusSince: dates.since!,
      replacedBy: value('replaced_by') || null,
      // A registry export carries no card-reader terminals; the record shows none.
      pos: [],
      updatedAt: dates.updated ?? now,
    },
  };
}

/** Records with their header mapped; a wrong header is reported once, as line 1. */
async function* records(path: string, out: Problem[]) {
  let index: Map<string, number> | undefined;
  for await (const rec of readCsv(path)) {
    if (!index) {
      index = new Map(rec.fields.map((f, i) => [f.trim().toLowerCase(), i]));
      const missing = CSV_COLUMNS.filter((c) => !index!.has(c) && !OPTIONAL.has(c));
      for (const c of missing) out.push({ line: rec.line, field: c, code: 'missing-column' });
      if (missing.length) return;
      continue;
    }
    if (rec.fields.length !== index.size) {
      out.push({
        line: rec.line,
        code: 'field-count',
        params: { expected: index.size, actual: rec.fields.length },
      });
      continue;
    }
    const at = index;
    yield { line: rec.line, get: (c: Column) => rec.fields[at.get(c) ?? -1] ?? '' };
  }
  if (!index) out.push({ line: 1, code: 'empty-file' });
}

/** Pass one: every row checked, nothing written. Memory: a GLN and a licence key per row. */
export async function checkRegistryCsv(path: string, guilds: Set<string>): Promise<CheckResult> {
  const problems: Problem[] = [];
  let more = 0;
  let rows = 0;
  const firstLine = new Map<number, number>();
  const licences = new Map<string, { line: number; key: string }>();
  const now = new Date().toISOString();
  const scratch: Problem[] = [];
  const keep = () => {
    for (const pr of scratch.splice(0))
      if (problems.length < MAX_PROBLEMS) problems.push(pr);
      else more++;
  };
  try {
    for await (const r of records(path, scratch)) {
      keep();
      rows++;
      const parsed = parseRecord(r.line, r.get, guilds, now, scratch);
      if (parsed) {
        const { location: l, licence: lic } = parsed;
        const seen = firstLine.get(Number(l.gln));
        if (seen !== undefined)
          scratch.push({ line: r.line, field: 'gln', code: 'duplicate-gln', params: { first: seen } });
        else firstLine.set(Number(l.gln), r.line);
        // The locations of one licence must agree on what the licence is.
        const key = [lic.holder, lic.guildCode, lic.issuedAt, lic.expiresAt].join('\u0001');
        const known = licences.get(lic.id);
        if (!known) licences.set(lic.id, { line: r.line, key });
        else if (known.key !== key)
          scratch.push({
            line: r.line,
            field: 'licence_id',
            code: 'licence-conflict',
            params: { value: lic.id, first: known.line },
          });
      }
      keep();
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    scratch.push({ line: error.line, code: 'bad-csv' });
  }
  keep();
  return { rows, problems, more };
}

/** Pass two, on a file pass one found clean: its rows in batches, each licence once. */
export async function* registryBatches(
  path: string,
  guilds: Set<string>,
  size = 5000,
): AsyncGenerator<RegistryBatch> {
  const now = new Date().toISOString();
  const unused: Problem[] = [];
  const licenceSeen = new Set<string>();
  let batch: RegistryBatch = { locations: [], licences: [] };
  for await (const r of records(path, unused)) {
    const parsed = parseRecord(r.line, r.get, guilds, now, unused);
    if (!parsed) throw new Error(`line ${r.line} changed since it was checked`);
    batch.locations.push(parsed.location);
    if (!licenceSeen.has(parsed.licence.id)) {
      licenceSeen.add(parsed.licence.id);
      batch.licences.push(parsed.licence);
    }
    if (batch.locations.length >= size) {
      yield batch;
      batch = { locations: [], licences: [] };
    }
  }
  if (unused.length) throw new Error(`line ${unused[0]!.line} changed since it was checked`);
  if (batch.locations.length) yield batch;
}
