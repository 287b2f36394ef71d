import { API_BASE_URL } from './base-url.ts';
import { type ApiClient, createApiClient } from './client.ts';

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
