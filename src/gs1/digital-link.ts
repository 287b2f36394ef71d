// Parses a GS1 Digital Link URI (GS1 Digital Link Standard: URI Syntax 1.6, 2025). The rules a
// conformant parser must enforce are cited where they are applied.

import { checkAgainstFormat } from './ai-format.ts';
import { checkPairs } from './ai-pairs.ts';
import { aiDefinition } from './ai-table.ts';
import { looksCompressed } from './compressed.ts';
import { belongsInPath, checkQualifierOrder, isPrimaryKey, qualifiesKey } from './key-structure.ts';
import { gs1Error } from './messages.ts';
import { percentDecode } from './percent.ts';
import type { Gs1Element, Gs1Error, Gs1Parse } from './types.ts';
import { domainOf, hasOnlyUriCharacters, splitUri } from './uri-parts.ts';

type Outcome<T> = T | Gs1Error;
const fail = (error: Gs1Error): Gs1Parse => ({ ok: false, error });
const isError = (x: unknown): x is Gs1Error => typeof x === 'object' && x !== null && 'code' in x;

// 4.2: the scheme is http or https, written all in lower or all in upper case; `HtTp` is not.
const SCHEMES = new Set(['http', 'https', 'HTTP', 'HTTPS']);

function decodedElement(ai: string, raw: string, inQuery: boolean): Outcome<Gs1Element> {
  const value = percentDecode(raw, inQuery);
  if (value === null) return gs1Error('bad-syntax', ai);
  const definition = aiDefinition(ai);
  if (!definition) return gs1Error('unknown-ai', ai);
  // 4.7: values are checked against their AI's format after percent-decoding.
  return checkAgainstFormat(definition, value) ?? { ai, value };
}

/** Why a path segment in a qualifier position is not a qualifier of `key`. */
function qualifierProblem(key: string, ai: string): Gs1Error | null {
  if (qualifiesKey(key, ai)) return null;
  if (!/^\d+$/.test(ai)) return gs1Error('bad-syntax');
  return gs1Error(aiDefinition(ai) ? 'bad-qualifier' : 'unknown-ai', ai);
}

type PathKey = { prefix: string; key: Gs1Element; qualifiers: Gs1Element[] };

function parsePath(path: string): Outcome<PathKey> {
  const segments = path === '' || path === '/' ? [] : path.split('/').slice(1);
  // 4.4: the path ends with the last key or qualifier value, so an empty segment (`//`, or a
  // slash after the last value) is malformed (Syntax Engine test `https://a/stem/00/006141411234567890/`
  // fails). A resolver may still tolerate it on a request; a parser of what a plate carries does not.
  if (segments.some((s) => s === '')) return gs1Error('bad-syntax');
  // 4.4: scan from the right for the last `/key/value[/qualifier/value...]`; the rest is prefix.
  let start = -1;
  for (let j = segments.length - 2; j >= 0; j -= 2) {
    if (isPrimaryKey(segments[j] ?? '')) {
      start = j;
      break;
    }
  }
  if (start < 0) {
    const last = segments.at(-1) ?? '';
    return gs1Error(looksCompressed(last) ? 'compressed-uri' : 'no-primary-key');
  }
  const keyAi = segments[start] ?? '';
  const key = decodedElement(keyAi, segments[start + 1] ?? '', false);
  if (isError(key)) return key;
  const qualifiers: Gs1Element[] = [];
  for (let i = start + 2; i < segments.length; i += 2) {
    const ai = segments[i] ?? '';
    const problem = qualifierProblem(keyAi, ai);
    if (problem) return problem;
    if (qualifiers.some((q) => q.ai === ai)) return gs1Error('duplicate-ai', ai);
    const element = decodedElement(ai, segments[i + 1] ?? '', false);
    if (isError(element)) return element;
    qualifiers.push(element);
  }
  const orderError = checkQualifierOrder(
    keyAi,
    qualifiers.map((q) => q.ai),
  );
  if (orderError) return orderError;
  return {
    prefix: segments.slice(0, start).length ? `/${segments.slice(0, start).join('/')}` : '',
    key,
    qualifiers,
  };
}

function parseQuery(query: string, path: PathKey): Outcome<Gs1Element[]> {
  const taken = new Set([path.key.ai, ...path.qualifiers.map((q) => q.ai)]);
  const pathQualifiers = path.qualifiers.map((q) => q.ai);
  const attributes: Gs1Element[] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = percentDecode(eq < 0 ? pair : pair.slice(0, eq), true);
    if (name === null) return gs1Error('bad-syntax');
    // 4.8: keys that are not all digits are extensions (linkType, utm_*...) and are ignored.
    if (!/^\d+$/.test(name)) continue;
    const raw = eq < 0 ? '' : pair.slice(eq + 1);
    if (raw === '') return gs1Error('empty-value', name);
    const definition = aiDefinition(name);
    if (!definition) return gs1Error('unknown-ai', name);
    // 4.6: only AIs permitted as data attributes; a key qualifier belongs in the path.
    if (!definition.dataAttribute) return gs1Error('bad-attribute', name);
    if (taken.has(name)) return gs1Error('duplicate-ai', name);
    // 4.6: a key qualifier of the path's key goes in the path, not in the query.
    if (belongsInPath(path.key.ai, pathQualifiers, name)) return gs1Error('bad-attribute', name);
    const element = decodedElement(name, raw, true);
    if (isError(element)) return element;
    taken.add(name);
    attributes.push(element);
  }
  return attributes;
}

export function parseDigitalLink(uri: string): Gs1Parse {
  if (typeof uri !== 'string') return fail(gs1Error('bad-syntax'));
  // RFC 3986 2: characters outside the URI set make it invalid; %00 is never a GS1 character.
  if (!hasOnlyUriCharacters(uri) || /%00/.test(uri)) return fail(gs1Error('bad-character'));
  if (/%(?![0-9A-Fa-f]{2})/.test(uri)) return fail(gs1Error('bad-syntax'));
  const parts = splitUri(uri);
  if (!parts) return fail(gs1Error(/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) ? 'bad-syntax' : 'bad-scheme'));
  if (!SCHEMES.has(parts.scheme)) return fail(gs1Error('bad-scheme'));
  const path = parsePath(parts.path);
  if (isError(path)) return fail(path);
  const attributes = parts.query === null ? [] : parseQuery(parts.query, path);
  if (isError(attributes)) return fail(attributes);
  const elements = [path.key, ...path.qualifiers, ...attributes];
  // The pairing rules hold for the AI data however it is written (ai-pairs.ts).
  const pairError = checkPairs(elements);
  if (pairError) return fail(pairError);
  return {
    ok: true,
    elements,
    primaryKey: path.key,
    qualifiers: path.qualifiers,
    attributes,
    uri: { href: uri, domain: domainOf(parts.host), pathPrefix: path.prefix },
  };
}
