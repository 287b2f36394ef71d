import type { ApiError, ServiceDefinition } from '../../api/index.ts';
import type { AttributeValue } from '../store/types.ts';

// Checks a complaint's `attribute[...]` evidence against its category's definition: no unknown
// codes, required ones present, each value fit for its datatype.

const toLatin = (s: string) =>
  s
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

export type EvidenceCheck =
  | { ok: true; value: Record<string, AttributeValue> }
  | { ok: false; errors: ApiError };

export function checkEvidence(
  def: ServiceDefinition,
  input: Record<string, unknown> | undefined,
): EvidenceCheck {
  const given = input ?? {};
  const errors: ApiError = [];
  const value: Record<string, AttributeValue> = {};
  const bad = (code: string, why: string) =>
    errors.push({ code: 'validation', description: `شاهد «${code}»: ${why}` });
  const known = new Map(def.attributes.map((a) => [a.code, a]));

  for (const code of Object.keys(given)) if (!known.has(code)) bad(code, 'برای این دسته تعریف نشده است.');
  for (const attr of def.attributes) {
    const raw = given[attr.code];
    const empty = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
    if (empty) {
      if (attr.required) bad(attr.code, `${attr.description} لازم است.`);
      continue;
    }
    switch (attr.datatype) {
      case 'number': {
        const n = typeof raw === 'number' ? raw : Number(toLatin(String(raw)).replace(/[,٬]/g, ''));
        if (!Number.isFinite(n) || n < 0 || n > 1e15) bad(attr.code, 'باید عددی نامنفی باشد.');
        else value[attr.code] = n;
        break;
      }
      case 'datetime': {
        const t = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
        if (Number.isNaN(t)) bad(attr.code, 'تاریخ و زمان نادرست است.');
        else value[attr.code] = new Date(t).toISOString();
        break;
      }
      case 'singlevaluelist':
        if (typeof raw !== 'string' || !attr.values?.some((v) => v.key === raw))
          bad(attr.code, 'گزینهٔ انتخاب‌شده در فهرست نیست.');
        else value[attr.code] = raw;
        break;
      case 'multivaluelist': {
        const list = Array.isArray(raw) ? raw : [raw];
        if (!list.every((k) => typeof k === 'string' && attr.values?.some((v) => v.key === k)))
          bad(attr.code, 'گزینهٔ انتخاب‌شده در فهرست نیست.');
        else value[attr.code] = list as string[];
        break;
      }
      default: {
        const max = attr.datatype === 'text' ? 2000 : 200;
        if (typeof raw !== 'string' && typeof raw !== 'number') bad(attr.code, 'باید متن باشد.');
        else if (String(raw).length > max) bad(attr.code, `حداکثر ${max} نویسه مجاز است.`);
        else value[attr.code] = String(raw);
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
