import {
  COMPLAINT_LINK_TYPE,
  GS1_VOC,
  type Linkset,
  type LinkTarget,
  type LocationRecord,
} from '../../api/index.ts';
import { placePath } from '../../api/paths.ts';
import { tFor } from '../i18n.ts';

// The links' titles are Persian, as their hreflang says; the words are the locales'.
const fa = tFor('fa');

// The links a location plate resolves to, in GS1 Web Vocabulary terms. Pure: origin and record
// in, link contexts out, so the resolver's answers are tested without a server.

// Complaint intake's relation type is defined with the wire types: the app reads it too.
export { COMPLAINT_LINK_TYPE } from '../../api/index.ts';

/**
 * GS1's JSON-LD context for linksets (GS1-Conformant Resolver 1.2.0, artefacts: "An HTTP Link
 * header pointing to this file ... can be used to convert the JSON into JSON-LD"). The immutable
 * 1.2.0 address, so the meaning of our answers cannot change under a client.
 */
export const LINKSET_CONTEXT = 'https://ref.gs1.org/standards/resolver/1.2.0/linkset-context';

export const DEFAULT_LINK = `${GS1_VOC}defaultLink`;

/** One link context: an anchor (an uncompressed Digital Link URI) and its links by type. */
export type LinkContext = { anchor: string; itemDescription: string; links: Map<string, LinkTarget[]> };

export function anchorPath(gln: string, ext?: string): string {
  return `/414/${gln}${ext ? `/254/${encodeURIComponent(ext)}` : ''}`;
}

const FA = ['fa'];

/** The links of one level: the GLN itself, or one of its AI 254 sub-locations. */
function levelLinks(origin: string, record: LocationRecord, ext?: string): LinkContext {
  const page = origin + placePath(record.gln, ext);
  const sub = ext ? record.subLocations.find((s) => s.ext === ext) : undefined;
  const name = sub ? `${sub.name} — ${record.name}` : record.name;
  const links = new Map<string, LinkTarget[]>([
    // The default link carries a title and nothing else; its target is repeated, with its
    // attributes, under a descriptive link type (gs1:registryEntry below).
    [DEFAULT_LINK, [{ href: page, title: fa('server:resolver.defaultLink', { name }) }]],
    [
      `${GS1_VOC}registryEntry`,
      [
        // The machine-readable entry first: a client with no preference (curl, a partner's
        // service) gets the record; a browser asking for text/html gets the page.
        {
          href: `${origin}/api/v1/locations/${record.gln}${ext ? `/${encodeURIComponent(ext)}` : ''}`,
          title: fa('server:resolver.registryEntry', { name }),
          hreflang: FA,
          type: 'application/json',
        },
        { href: page, title: fa('server:resolver.defaultLink', { name }), hreflang: FA, type: 'text/html' },
      ],
    ],
    [
      `${GS1_VOC}verificationService`,
      [
        {
          href: `${page}?view=verify`,
          title: fa('server:resolver.verificationService'),
          hreflang: FA,
          type: 'text/html',
        },
      ],
    ],
    [
      COMPLAINT_LINK_TYPE,
      [
        {
          href: `${page}?view=complain`,
          title: fa('server:resolver.complaintIntake'),
          hreflang: FA,
          type: 'text/html',
        },
      ],
    ],
  ]);
  if (!ext) {
    // The map belongs to the building, so it sits at the GLN level only; a sub-location's
    // request for it walks up. Its labels are the Persian names of Iranian streets.
    const { lat, lng } = record.geo;
    links.set(`${GS1_VOC}locationInfo`, [
      {
        href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`,
        title: fa('server:resolver.locationInfo'),
        hreflang: FA,
        type: 'text/html',
      },
    ]);
  }
  return {
    anchor: origin + anchorPath(record.gln, ext),
    itemDescription: `${name} — ${record.guild.name} — ${record.address.text}`,
    links,
  };
}

/**
 * The contexts for a request, most specific first: a known sub-location and then its GLN ("If
 * the request GS1 Digital Link URI includes one or more key qualifiers, any links associated with
 * each level up to the primary key SHALL be included"), or the GLN alone.
 */
export function locationLinks(origin: string, record: LocationRecord, ext?: string): LinkContext[] {
  // Worded once per record (the record cache hands out the same object until it changes): the
  // titles go through i18next, which measured at about 40 % of a redirect's time when redone on
  // every request. Callers only read the contexts.
  // Keyed by a known extension only, so unknown ones sent at will cannot grow it.
  const known = ext !== undefined && record.subLocations.some((s) => s.ext === ext);
  let byLevel = worded.get(record);
  if (!byLevel) {
    byLevel = new Map();
    worded.set(record, byLevel);
  }
  const key = `${origin} ${known ? ext : ''}`;
  let contexts = byLevel.get(key);
  if (!contexts) {
    contexts = known
      ? [levelLinks(origin, record, ext), levelLinks(origin, record)]
      : [levelLinks(origin, record)];
    byLevel.set(key, contexts);
  }
  return contexts;
}

const worded = new WeakMap<LocationRecord, Map<string, LinkContext[]>>();

export function toLinkset(contexts: readonly LinkContext[]): Linkset {
  return {
    linkset: contexts.map((l) => {
      const context: Linkset['linkset'][number] = { anchor: l.anchor, itemDescription: l.itemDescription };
      for (const [type, targets] of l.links) context[type] = targets;
      return context;
    }),
  };
}

/** `gs1:locationInfo`, the full URI (either GS1 host), or the bare term all name the same link type. */
export function normaliseLinkType(raw: string): string {
  if (raw.startsWith('gs1:')) return GS1_VOC + raw.slice(4);
  if (/^https?:\/\//.test(raw)) return raw.replace(/^https?:\/\/(www\.|ref\.)?gs1\.org\/voc\//, GS1_VOC);
  if (raw === 'complaintIntake') return COMPLAINT_LINK_TYPE;
  return GS1_VOC + raw;
}

/** Parsed `Accept` or `Accept-Language`: each value with its q weight (RFC 9110 §12.5). */
function weights(header: string | undefined): [string, number][] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [value, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return [value!.trim().toLowerCase(), q === undefined ? 1 : Number(q)];
  });
}

function typeWeight(accept: [string, number][], type: string | undefined): number {
  if (accept.length === 0 || !type) return 1;
  const [major] = type.split('/');
  let best = 0;
  for (const [range, q] of accept) {
    if (range === type || range === `${major}/*` || range === '*/*') best = Math.max(best, q);
  }
  return best;
}

function languageWeight(accept: [string, number][], hreflang: string[] | undefined): number {
  if (accept.length === 0 || !hreflang) return 1;
  let best = 0;
  for (const [range, q] of accept) {
    if (range === '*' || hreflang.some((l) => l === range || l === range.split('-')[0]))
      best = Math.max(best, q);
  }
  return best;
}

/**
 * The target of a link type for a request: the most specific level that has the type, then the
 * target whose media type and language best match Accept and Accept-Language (the first listed
 * when they tie). Undefined when no level has the type.
 */
export function pickTarget(
  contexts: readonly LinkContext[],
  linkType: string,
  accept?: string,
  acceptLanguage?: string,
): LinkTarget | undefined {
  const targets = contexts.find((l) => l.links.has(linkType))?.links.get(linkType);
  if (!targets) return undefined;
  const types = weights(accept);
  const languages = weights(acceptLanguage);
  let best = targets[0];
  let bestScore = -1;
  for (const t of targets) {
    const score = typeWeight(types, t.type) * 10 + languageWeight(languages, t.hreflang);
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}
