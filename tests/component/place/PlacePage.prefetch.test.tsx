import { screen } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, useApi } from '../../../src/api/app-client.ts';
import { db } from '../../../src/db/database.ts';
import { prefetchPlace } from '../../../src/features/place/prefetch.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, testClient, useMsw } from './msw.ts';
import { countsNone, renderAt } from './render-page.tsx';

// A plate read by the scanner: its record is asked for at the decode (prefetch.ts), once the scan
// is in history, and the shop page shows that answer instead of asking again.

useMsw();
let asked = 0;
beforeEach(async () => {
  await db().places.clear();
  useApi(testClient());
  asked = 0;
  server.use(
    http.get(`${API}/api/v1/locations/:gln`, () => {
      asked++;
      return HttpResponse.json(locationRecord(), { headers: { ETag: '"v1"' } });
    }),
    countsNone(SHOP_GLN),
  );
});
afterEach(() => useApi(undefined));

describe('shop page after a plate is read', () => {
  it('shows the record the scanner asked for, asked once, after the scan was recorded', async () => {
    let recorded = () => {};
    prefetchPlace(SHOP_GLN, undefined, new Promise<void>((resolve) => (recorded = resolve)));
    await new Promise((r) => setTimeout(r, 50));
    expect(asked, 'nothing is fetched before the scan is in history').toBe(0);
    recorded();
    renderAt(`/place/${SHOP_GLN}`, api());
    expect(await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
    expect(asked).toBe(1);
  });

  it('asks again when the page was given other clients than the app default', async () => {
    prefetchPlace(SHOP_GLN, undefined, Promise.resolve());
    renderAt(`/place/${SHOP_GLN}`, testClient());
    expect(await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
    expect(asked).toBe(2);
  });
});
