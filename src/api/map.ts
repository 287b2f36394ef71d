import { z } from 'zod';

// Where the shopper's map takes its tiles from, as the service is configured (TILE_URL,
// TILE_ATTRIBUTION; README "Shops near me"). The map shows the credit; with the service's own
// tiles (`attribution` null) it credits the registry in the app's words.

export const MapSourceSchema = z.object({
  /** A URL template with `{z}`, `{x}` and `{y}`; a path is on the service's own origin. */
  url: z.string(),
  attribution: z.string().nullable(),
  maxZoom: z.number().int().positive(),
});
export type MapSource = z.infer<typeof MapSourceSchema>;

export { MAP_SOURCE_PATH } from './map-paths.ts';
