import { API_BASE_URL } from './base-url.ts';
import { type ApiClient, createApiClient } from './client.ts';
import { resolverIsOwnService, resolverUrl } from './resolver-url.ts';

// The one client the app talks to the service with: pages, the outbox and the service worker
// alike. Each call carries its own deadline (see CALL_TIMEOUT_MS), so one client serves the shop
// page's quick lookup and the outbox's slow upload.

let client: ApiClient | undefined;

export function api(): ApiClient {
  client ??= createApiClient({ baseUrl: API_BASE_URL, installs: true });
  return client;
}

/** Tests swap in a client bound to their mock server (undefined: back to the default). */
export function useApi(next: ApiClient | undefined): void {
  client = next;
}

let resolver: { url: string; client: ApiClient } | undefined;

/**
 * The client of the configured GS1 resolver, or undefined when that resolver is the service
 * itself: its registry entry is then the record API, read directly, one round trip fewer on a
 * weak connection.
 */
export function resolverApi(): ApiClient | undefined {
  const url = resolverUrl();
  if (resolverIsOwnService(url)) return undefined;
  if (resolver?.url !== url) resolver = { url, client: createApiClient({ baseUrl: url }) };
  return resolver.client;
}
