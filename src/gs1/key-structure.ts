// Which AIs are primary identification keys, which qualify which key and in what order, and how
// a flat list of elements is sorted into key, qualifiers and attributes.
// Source: GS1 Digital Link URI Syntax 1.6, section 4.4 (primary keys and key qualifiers), as
// restated by the `dlpkey` attributes of the GS1 Barcode Syntax Dictionary.
import { aiDefinition } from './ai-table.ts';
import { gs1Error } from './messages.ts';
import type { Gs1Element, Gs1Error, Gs1Parse } from './types.ts';

/** Each primary key with its alternative qualifier sequences (each ordered, each optional). */
const QUALIFIER_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '00': [],
  '01': [['22', '10', '21'], ['235']],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': [['254'], ['7040']],
  '415': [['8020']],
  '417': [['7040']],
  '8003': [],
  '8004': [['7040']],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8013': [],
  '8017': [['8019']],
  '8018': [['8019']],
};

const ALL_QUALIFIERS = new Set(Object.values(QUALIFIER_PATHS).flat(2));

export function isPrimaryKey(ai: string): boolean {
  return Object.hasOwn(QUALIFIER_PATHS, ai);
}

export function isKeyQualifier(ai: string): boolean {
  return ALL_QUALIFIERS.has(ai);
}

export function qualifiesKey(key: string, ai: string): boolean {
  return (QUALIFIER_PATHS[key] ?? []).some((path) => path.includes(ai));
}

/**
 * Null when `qualifiers` follow one of the key's sequences in order, each at most once, without
 * mixing alternatives (URI Syntax 1.6, 4.4: `/01/{gtin}/22/../235/..` is invalid).
 */
export function checkQualifierOrder(key: string, qualifiers: readonly string[]): Gs1Error | null {
  if (qualifiers.length === 0) return null;
  const fits = (QUALIFIER_PATHS[key] ?? []).some((path) => {
    let last = -1;
    for (const ai of qualifiers) {
      const at = path.indexOf(ai);
      if (at <= last) return false;
      last = at;
    }
    return true;
  });
  return fits
    ? null
    : gs1Error(
        'bad-qualifier',
        qualifiers.find((ai) => !qualifiesKey(key, ai)),
      );
}

function sequencePosition(key: string, ai: string): number {
  for (const path of QUALIFIER_PATHS[key] ?? []) if (path.includes(ai)) return path.indexOf(ai);
  return 0;
}

/** Drops exact repeats; a repeated AI with another value is an error (GenSpecs 4.14). */
export function dedupe(elements: readonly Gs1Element[]): Gs1Element[] | Gs1Error {
  const seen = new Map<string, string>();
  const out: Gs1Element[] = [];
  for (const element of elements) {
    const before = seen.get(element.ai);
    if (before === undefined) {
      seen.set(element.ai, element.value);
      out.push(element);
    } else if (before !== element.value) {
      return gs1Error('duplicate-ai', element.ai);
    }
  }
  return out;
}

/**
 * Sorts the elements of an element string. The first primary key is the key; its qualifiers
 * may come in any order in an element string but must belong to one alternative sequence; a
 * qualifier whose key is absent is rejected unless the AI may also stand as a data attribute.
 */
export function assembleElementString(elements: readonly Gs1Element[]): Gs1Parse {
  const unique = dedupe(elements);
  if (!Array.isArray(unique)) return { ok: false, error: unique };
  const primaryKey = unique.find((e) => isPrimaryKey(e.ai));
  const present = new Set(unique.map((e) => e.ai));
  for (const { ai } of unique) {
    const owned = [...present].some((key) => isPrimaryKey(key) && qualifiesKey(key, ai));
    if (isKeyQualifier(ai) && !owned && !aiDefinition(ai)?.dataAttribute) {
      return { ok: false, error: gs1Error('bad-qualifier', ai) };
    }
  }
  if (!primaryKey) return { ok: false, error: gs1Error('no-primary-key') };
  const qualifiers = unique
    .filter((e) => e !== primaryKey && qualifiesKey(primaryKey.ai, e.ai))
    .sort((a, b) => sequencePosition(primaryKey.ai, a.ai) - sequencePosition(primaryKey.ai, b.ai));
  const orderError = checkQualifierOrder(
    primaryKey.ai,
    qualifiers.map((q) => q.ai),
  );
  if (orderError) return { ok: false, error: orderError };
  const attributes = unique.filter((e) => e !== primaryKey && !qualifiers.includes(e));
  return { ok: true, elements: unique, primaryKey, qualifiers, attributes };
}
