import { type ApiClient, createApiClient } from '../api/client.ts';

// The client the outbox and the pages share. Same origin by default (the reference service serves
// the app); `VITE_API_BASE_URL` points one build at another deployment.

let client: ApiClient | undefined;

export function apiClient(): ApiClient {
  client ??= createApiClient({ baseUrl: import.meta.env.VITE_API_BASE_URL ?? '', timeoutMs: 20_000 });
  return client;
}

/** Tests swap in a client bound to their mock server. */
export function useApiClient(next: ApiClient | undefined): void {
  client = next;
}
