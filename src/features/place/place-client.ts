import { API_BASE_URL } from '../../api/base-url.ts';
import { type ApiClient, createApiClient } from '../../api/client.ts';

// A shop page is opened standing in the shop, often on a weak connection: after 4 s the cached
// copy (if any) is a better answer than a spinner.
export const PLACE_TIMEOUT_MS = 4000;

let client: ApiClient | undefined;

export function placeClient(): ApiClient {
  client ??= createApiClient({ baseUrl: API_BASE_URL, timeoutMs: PLACE_TIMEOUT_MS });
  return client;
}
