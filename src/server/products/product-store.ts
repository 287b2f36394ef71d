import type { ProductRecord } from '../../api/index.ts';

// The product registry as the routes see it: small on purpose, so another engine (PostgreSQL)
// needs only this much. Kept apart from the location store, which changes on its own schedule.

export type ProductStore = {
  /** Loads `products` unless the store already holds this `version` of them. */
  seed(products: readonly ProductRecord[], version: number): void;
  get(gtin: string): ProductRecord | undefined;
  count(): number;
  close(): void;
};
