import type { LocationRecord } from '../../api/index.ts';
import type { Store } from '../store/types.ts';
import { toPublic } from './enforcement.ts';

/** What field work adds to a shop's public record: its enforcement stages and its on-site check. */
export async function fieldRecord(
  store: Pick<Store, 'shopEnforcement' | 'lastVerification'>,
  gln: string,
): Promise<Pick<LocationRecord, 'enforcement' | 'verification'>> {
  const [stages, last] = await Promise.all([store.shopEnforcement(gln), store.lastVerification(gln)]);
  return {
    ...(stages.length ? { enforcement: stages.map(toPublic) } : {}),
    ...(last ? { verification: { at: last.at, by: last.staffName } } : {}),
  };
}
