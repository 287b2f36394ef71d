import { COMPLAINT_LINK_TYPE, GS1_VOC, type Linkset, type LinkTarget } from '../../api/index.ts';

// What a shop page can show from a GS1 linkset alone, when the resolver's registry entry is not
// our record (a third-party or national resolver). Pure: linkset in, what to show out.

export const DEFAULT_LINK = `${GS1_VOC}defaultLink`;
export const REGISTRY_ENTRY = `${GS1_VOC}registryEntry`;
export const VERIFICATION_SERVICE = `${GS1_VOC}verificationService`;

export type ShownLink = {
  /** The link type, shortened to `gs1:…` where it is GS1's vocabulary. */
  rel: string;
  title: string;
  href: string;
  type?: string;
};

export type LinksetSummary = {
  /** The place's name, where the linkset carries one; otherwise the page names it by its GLN. */
  name?: string;
  /** The machine-readable registry entry, the one link that may be our own record. */
  registryJson?: string;
  verification: ShownLink[];
  complaint: ShownLink[];
  /** Every other link, each with its title and type. */
  others: ShownLink[];
};

/** Only http(s) targets are shown as links: a `javascript:` or `data:` href from elsewhere never is. */
export function isSafeHref(href: string): boolean {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function shortRel(rel: string): string {
  return rel.startsWith(GS1_VOC) ? `gs1:${rel.slice(GS1_VOC.length)}` : rel;
}

const isTargets = (v: unknown): v is LinkTarget[] => Array.isArray(v);

export function summariseLinkset(linkset: Linkset): LinksetSummary {
  const summary: LinksetSummary = { verification: [], complaint: [], others: [] };
  const seen = new Set<string>();
  // Contexts come most specific first (a sub-location, then its GLN): the first name wins.
  for (const context of linkset.linkset) {
    summary.name ??= context.itemDescription?.trim() || undefined;
    for (const [rel, value] of Object.entries(context)) {
      if (!isTargets(value)) continue;
      for (const target of value) {
        if (rel === REGISTRY_ENTRY && target.type === 'application/json' && !summary.registryJson)
          summary.registryJson = target.href;
        // The default link's title names the place when nothing else does (RFC 8288 "title").
        if (rel === DEFAULT_LINK && !summary.name && target.title.trim()) summary.name = target.title.trim();
        if (!isSafeHref(target.href)) continue;
        const key = `${rel} ${target.href}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const shown: ShownLink = {
          rel: shortRel(rel),
          title: target.title,
          href: target.href,
          type: target.type,
        };
        if (rel === VERIFICATION_SERVICE) summary.verification.push(shown);
        else if (rel === COMPLAINT_LINK_TYPE) summary.complaint.push(shown);
        else summary.others.push(shown);
      }
    }
  }
  return summary;
}
