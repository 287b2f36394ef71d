import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';

export const API = 'http://api.test';

export const server = setupServer();

/** Every request must be expected: an unplanned one fails the test (e.g. a fetch for a bad GLN). */
export function useMsw() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export const testClient = (timeoutMs = 2000) => createApiClient({ baseUrl: API, timeoutMs });
