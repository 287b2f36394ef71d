import routes from './routes.json' with { type: 'json' };
import type { RoutingTable } from './route-complaint.ts';

/** The shipped routing table; edit routes.json, not code, to re-route a category. */
export const ROUTING_TABLE = routes as unknown as RoutingTable;
