import type { RoutingTable } from './route-complaint.ts';
import routes from './routes.json' with { type: 'json' };

/** The shipped routing table; edit routes.json, not code, to re-route a category. */
export const ROUTING_TABLE = routes as unknown as RoutingTable;
