import { z } from 'zod';
import type { ServiceAttribute, ServiceDefinition } from './open311.ts';

// The evidence rules (Open311 `attribute[...]` values against their category's definition),
// once, for the complaint form and the service. A rejection is a code; its words are
// `validation:evidence.{code}` in locales/*/validation.json, so both sides say the same thing.

export const EVIDENCE_PROBLEMS = [
  'required',
  'number',
  'datetime',
  'not-in-list',
  'text',
  'too-long',
  'unknown',
] as const;
export type EvidenceProblem = (typeof EVIDENCE_PROBLEMS)[number];
export const evidenceProblemKey = (p: EvidenceProblem) => `validation:evidence.${p}`;

export type EvidenceValue = string | number | string[];

/** Free text limits: a short answer (string) and a long one (text). */
export const TEXT_MAX = { string: 200, text: 2000 } as const;
/** Amounts are rials or grams: never negative, never beyond what any receipt holds. */
const NUMBER_MAX = 1e15;

const toLatin = (s: string) =>
  s
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

const problem = (p: EvidenceProblem) => ({ error: p });

/** The zod schema of one attribute's wire value (already present: emptiness is checked apart). */
export function attributeSchema(a: ServiceAttribute): z.ZodType<EvidenceValue> {
  const keys = (a.values ?? []).map((v) => v.key);
  const inList = (k: unknown) => typeof k === 'string' && keys.includes(k);
  switch (a.datatype) {
    case 'number':
      return z
        .union(
          [z.number(), z.string().transform((s) => Number(toLatin(s).replace(/[,٬]/g, '')))],
          problem('number'),
        )
        .pipe(
          z
            .number(problem('number'))
            .finite(problem('number'))
            .min(0, problem('number'))
            .max(NUMBER_MAX, problem('number')),
        );
    case 'datetime':
      return z
        .string(problem('datetime'))
        .refine((s) => !Number.isNaN(Date.parse(s)), problem('datetime'))
        .transform((s) => new Date(Date.parse(s)).toISOString());
    case 'singlevaluelist':
      return z.string(problem('not-in-list')).refine(inList, problem('not-in-list'));
    case 'multivaluelist':
      return z
        .union([z.string(), z.array(z.string())], problem('not-in-list'))
        .transform((v) => (Array.isArray(v) ? v : [v]))
        .refine((list) => list.every(inList), problem('not-in-list'));
    default: {
      const max = a.datatype === 'text' ? TEXT_MAX.text : TEXT_MAX.string;
      return z
        .union([z.string(), z.number()], problem('text'))
        .transform(String)
        .refine((s) => s.length <= max, problem('too-long'));
    }
  }
}

export const isEmptyValue = (raw: unknown) =>
  raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);

export type AttributeCheck = { ok: true; value?: EvidenceValue } | { ok: false; problem: EvidenceProblem };

/** One attribute: missing (fine unless required), or its value as the service stores it. */
export function checkAttribute(a: ServiceAttribute, raw: unknown): AttributeCheck {
  if (isEmptyValue(raw)) return a.required ? { ok: false, problem: 'required' } : { ok: true };
  const parsed = attributeSchema(a).safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: parsed.error.issues[0]?.message as EvidenceProblem };
}

export type EvidenceIssue = { code: string; problem: EvidenceProblem; max?: number };
export type EvidenceCheck =
  | { ok: true; value: Record<string, EvidenceValue> }
  | { ok: false; issues: EvidenceIssue[] };

/** Every attribute of a complaint: no unknown codes, required ones present, each value fit. */
export function checkEvidence(
  def: ServiceDefinition,
  input: Record<string, unknown> | undefined,
): EvidenceCheck {
  const given = input ?? {};
  const known = new Map(def.attributes.map((a) => [a.code, a]));
  const issues: EvidenceIssue[] = [];
  const value: Record<string, EvidenceValue> = {};
  for (const code of Object.keys(given)) if (!known.has(code)) issues.push({ code, problem: 'unknown' });
  for (const a of def.attributes) {
    const check = checkAttribute(a, given[a.code]);
    if (!check.ok)
      issues.push({
        code: a.code,
        problem: check.problem,
        ...(check.problem === 'too-long'
          ? { max: a.datatype === 'text' ? TEXT_MAX.text : TEXT_MAX.string }
          : {}),
      });
    else if (check.value !== undefined) value[a.code] = check.value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, value };
}
