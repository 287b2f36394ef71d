// Which AIs are primary identification keys, which qualify which key and in what order, and how
// a flat list of elements is sorted into key, qualifiers and attributes.
// Source: GS1 Digital Link URI Syntax 1.6, section 4.4 (primary keys and key qualifiers), as
// restated by the `dlpkey` attributes of the GS1 Barcode Syntax Dictionary.
import { checkPairs } from './ai-pairs.ts';
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

/**
 * Whether `ai`, found in the query string, is a qualifier that the path could have carried: one
 * alternative sequence of `key` holds it together with every qualifier already in the path. Such
 * an AI belongs in the path (URI Syntax 1.6, 4.6; Syntax Engine test
 * `https://example.com/01/09520123456788?10=ABC123` fails, `.../235/XYZ?10=ABC123` passes).
 */
export function belongsInPath(key: string, pathQualifiers: readonly string[], ai: string): boolean {
  return (QUALIFIER_PATHS[key] ?? []).some(
    (path) => path.includes(ai) && pathQualifiers.every((q) => path.includes(q)),
  );
}

function sequencePosition(key: string, ai: string): number {
  for (const path of QUALIFIER_PATHS[key] ?? []) if (path.includes(ai)) return path.indexOf(ai);
  return 0;
}

/**
 * Drops exact repeats; a repeated AI with another value is an error (General Specifications: the
 * same AI twice must carry the same value; Syntax Engine test `(400)ABC(400)AB` fails).
 */
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
 * Sorts the elements of an element string. An element string needs no primary key at all:
 * `(410)...` and `(400)ABC(400)ABC` are whole messages in the GS1 Barcode Syntax Engine's tests,
 * and the Syntax Dictionary gives 400 and 410-417 no `req=`. So the first Digital Link primary key
 * present, if any, becomes the key and its qualifiers are sorted into sequence order. The path
 * rules of a Digital Link URI (one alternative sequence, in order) do not apply: an element
 * string has no path. What pairs with what is checked by `checkPairs`.
 */
export function assembleElementString(elements: readonly Gs1Element[]): Gs1Parse {
  const unique = dedupe(elements);
  if (!Array.isArray(unique)) return { ok: false, error: unique };
  const pairError = checkPairs(unique);
  if (pairError) return { ok: false, error: pairError };
  const primaryKey = unique.find((e) => isPrimaryKey(e.ai));
  const qualifiers = primaryKey
    ? unique
        .filter((e) => e !== primaryKey && qualifiesKey(primaryKey.ai, e.ai))
        .sort((a, b) => sequencePosition(primaryKey.ai, a.ai) - sequencePosition(primaryKey.ai, b.ai))
    : [];
  const attributes = unique.filter((e) => e !== primaryKey && !qualifiers.includes(e));
  return { ok: true, elements: unique, primaryKey, qualifiers, attributes };
}
