import type { Service } from '../../api/index.ts';

// Persian text typed on different keyboards differs in code points that look the same: Arabic
// yeh/kaf (ي ى ك) versus Persian (ی ک), ZWNJ in compound words (گران‌فروشی / گرانفروشی), tatweel
// and diacritics. Search compares a folded form so every spelling finds the category.

export function foldPersian(s: string): string {
  return s
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[ۀة]/g, 'ه')
    .replace(/\u200c|\u200d|[\u0640\u064b-\u065f]/g, '')
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every word of the query must appear in the category's name, group, description or keywords. */
export function matchesService(service: Service, query: string): boolean {
  const words = foldPersian(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldPersian(
    [service.service_name, service.group, service.description, service.keywords.replace(/,/g, ' ')].join(' '),
  );
  return words.every((w) => hay.includes(w));
}

/** Categories grouped in the service's order, groups in order of first appearance. */
export function groupServices(services: Service[]): { group: string; items: Service[] }[] {
  const groups = new Map<string, Service[]>();
  for (const s of services) {
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
