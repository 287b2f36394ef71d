import type { Store } from './types.ts';

// What public lookups read: the registry only, never a complaint. Routes that answer a shopper's
// lookup (record, linkset, nearby, licence) ask `ServiceDeps.lookups`, which may be a streaming
// replica; everything that writes, or reads what was just written, asks `ServiceDeps.store`,
// the primary. Being a narrower type, a lookup cannot write by mistake.
export type LookupStore = Pick<Store, 'location' | 'licence' | 'nearby'>;
