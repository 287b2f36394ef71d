// The map's paths on the service, apart from the wire types (map.ts) so that the app's client can
// name them without bringing zod into the first paint (as push-paths.ts does for push).

/** Where the map takes its tiles from (GET: a MapSource). */
export const MAP_SOURCE_PATH = '/api/v1/map-source';
