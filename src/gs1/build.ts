// Writes GS1 data back out: a Digital Link URI (URI Syntax 1.6, 4.4 to 4.7) or an element string
// (raw with GS separators per GenSpecs 7.8.5, or bracketed). Used to make canonical links and to
// test the parsers by round trip.
import { aiDefinition } from './ai-table.ts';
import { GS } from './element-string.ts';
import { percentEncode } from './percent.ts';
import type { Gs1Element } from './types.ts';

export type Gs1Data = { primaryKey: Gs1Element; qualifiers?: Gs1Element[]; attributes?: Gs1Element[] };

/** `base` is scheme, host and any path prefix, e.g. `https://qr.example.ir/p`. */
export function buildDigitalLink(data: Gs1Data, base = 'https://id.gs1.org'): string {
  const path = [data.primaryKey, ...(data.qualifiers ?? [])]
    .map((e) => `/${e.ai}/${percentEncode(e.value)}`)
    .join('');
  const query = (data.attributes ?? []).map((e) => `${e.ai}=${percentEncode(e.value)}`).join('&');
  return `${base.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}

export function formatElementString(
  elements: readonly Gs1Element[],
  form: 'raw' | 'bracketed' = 'bracketed',
): string {
  if (form === 'bracketed') {
    return elements.map((e) => `(${e.ai})${e.value.replaceAll('(', '\\(')}`).join('');
  }
  return elements
    .map((e, i) => {
      const last = i === elements.length - 1;
      return `${e.ai}${e.value}${last || aiDefinition(e.ai)?.predefined ? '' : GS}`;
    })
    .join('');
}
