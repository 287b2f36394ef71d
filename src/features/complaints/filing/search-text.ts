import type { Service } from '../../../api/index.ts';
import { matchesTokens, queryTokens, searchHaystack } from '../../../i18n/persian-text.ts';

// Shoppers type on Arabic and Persian keyboards, with or without the ZWNJ in «گران‌فروشی»: the
// shared folding in src/i18n/persian-text.ts makes every spelling find the category.

/** Every word of the query must appear in the category's name, group, description or keywords. */
export function matchesService(service: Service, query: string): boolean {
  const hay = searchHaystack(
    service.service_name,
    service.group,
    service.description,
    service.keywords.replace(/,/g, ' '),
  );
  return matchesTokens(hay, queryTokens(query));
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
