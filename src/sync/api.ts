import { API_BASE_URL } from '../api/base-url.ts';
import { type ApiClient, createApiClient } from '../api/client.ts';

// The client the outbox and the complaint pages share (a long timeout: a complaint with photos
// on a weak connection takes a while, and the outbox retries anyway).

let client: ApiClient | undefined;

export function apiClient(): ApiClient {
  client ??= createApiClient({ baseUrl: API_BASE_URL, timeoutMs: 20_000, installs: true });
  return client;
}

/** Tests swap in a client bound to their mock server. */
export function useApiClient(next: ApiClient | undefined): void {
  client = next;
}
