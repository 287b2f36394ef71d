// Bidirectional control characters in text a reporter writes would reorder what a clerk or
// another shopper reads: "\u202Egnp.exe" shows as "exe.png". Persian text needs none of the
// embedding, override or isolate controls, nor the invisible marks, so they are removed from
// everything stored and everything shown (older rows included). Display isolates each field
// with <bdi> besides.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export const stripBidi = (s: string): string => s.replace(BIDI_CONTROLS, '');

/** The same for every string inside a JSON-like value (attributes, contact). */
export function stripBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return stripBidi(value) as T;
  if (Array.isArray(value)) return value.map(stripBidiDeep) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripBidiDeep(v)])) as T;
  return value;
}
