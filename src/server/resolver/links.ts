import { GS1_VOC, type Linkset, type LinkTarget, type LocationRecord } from '../../api/index.ts';
import { placePath } from '../../api/place-path.ts';
import { tFor } from '../i18n.ts';

// The links' titles are Persian, as their hreflang says; the words are the locales'.
const fa = tFor('fa');

// The links a location plate resolves to, in GS1 Web Vocabulary terms. Pure: origin and record
// in, linkset out, so the resolver's answers are tested without a server.

/** Complaint intake is not in the GS1 vocabulary; an extension relation type (RFC 8288 §2.1.2). */
export const COMPLAINT_LINK_TYPE = 'https://kalabefi.ir/voc/complaintIntake';

export type LocationLinks = { anchor: string; itemDescription: string; links: Map<string, LinkTarget[]> };

export function anchorPath(gln: string, ext?: string): string {
  return `/414/${gln}${ext ? `/254/${encodeURIComponent(ext)}` : ''}`;
}

export function locationLinks(origin: string, record: LocationRecord, ext?: string): LocationLinks {
  const { gln, geo } = record;
  const persian = ['fa'];
  const links = new Map<string, LinkTarget[]>([
    [
      `${GS1_VOC}defaultLink`,
      [
        {
          href: origin + placePath(gln, ext),
          title: fa('server:resolver.defaultLink', { name: record.name }),
          hreflang: persian,
          type: 'text/html',
        },
      ],
    ],
    [
      `${GS1_VOC}registryEntry`,
      [
        {
          href: `${origin}/api/v1/locations/${gln}${ext ? `/${encodeURIComponent(ext)}` : ''}`,
          title: fa('server:resolver.registryEntry'),
          hreflang: persian,
          type: 'application/json',
        },
      ],
    ],
    [
      `${GS1_VOC}verificationService`,
      [
        {
          href: `${origin}${placePath(gln, ext)}?view=verify`,
          title: fa('server:resolver.verificationService'),
          hreflang: persian,
          type: 'text/html',
        },
      ],
    ],
    [
      `${GS1_VOC}locationInfo`,
      [
        {
          href: `https://www.openstreetmap.org/?mlat=${geo.lat}&mlon=${geo.lng}#map=18/${geo.lat}/${geo.lng}`,
          title: fa('server:resolver.locationInfo'),
          type: 'text/html',
        },
      ],
    ],
    [
      COMPLAINT_LINK_TYPE,
      [
        {
          href: `${origin}${placePath(gln, ext)}?view=complain`,
          title: fa('server:resolver.complaintIntake'),
          hreflang: persian,
          type: 'text/html',
        },
      ],
    ],
  ]);
  return {
    anchor: origin + anchorPath(gln, ext),
    itemDescription: `${record.name} — ${record.guild.name} — ${record.address.text}`,
    links,
  };
}

export function toLinkset(l: LocationLinks): Linkset {
  const context: Linkset['linkset'][number] = { anchor: l.anchor, itemDescription: l.itemDescription };
  for (const [type, targets] of l.links) context[type] = targets;
  return { linkset: [context] };
}

/** `gs1:locationInfo`, the full URI, or the bare term all name the same link type. */
export function normaliseLinkType(raw: string): string {
  if (raw.startsWith('gs1:')) return GS1_VOC + raw.slice(4);
  if (/^https?:\/\//.test(raw)) return raw.replace(/^http:\/\/gs1\.org\/voc\//, GS1_VOC);
  if (raw === 'complaintIntake') return COMPLAINT_LINK_TYPE;
  return GS1_VOC + raw;
}
