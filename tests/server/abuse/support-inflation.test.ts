import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../src/server/gln.ts';
import { expectPersianError, FIRST_GLN, fileOverpricing, type Harness, startServer } from '../harness.ts';

// Issue 11, point 5: "me too" trusted whatever install id the client wrote (hundreds of supports
// a second from a few addresses), kept counting after a withdrawal, and a shop's public
// open-complaint count could be pushed up at will.

let h: Harness;
beforeAll(async () => {
  h = await startServer({ limits: { daily: { supportsPerInstall: 3, triageAfterPerShop: 5 } } });
});
afterAll(() => h.stop());

const byId = (id: string) => `/open311/v2/requests/${id}/support.json`;
const supportersOf = async (c: { service_request_id: string; access_token: string }) =>
  (
    await (
      await h.get(`/open311/v2/requests/${c.service_request_id}.json`, {
        headers: { Authorization: `Bearer ${c.access_token}` },
      })
    ).json()
  )[0].supporters as number;

describe('me too counts installs the service vouched for', () => {
  it('ignores the device id a client writes: a hundred made-up ids from one install count once', async () => {
    const filed = await fileOverpricing(h);
    const one = { 'X-Install-Token': await h.install() };
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        h.post(byId(filed.service_request_id), { device_id: `made-up-${i}-xxxx` }, one),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(await supportersOf(filed)).toBe(1);
  });

  it('refuses a support without an install token, whatever the body says', async () => {
    const filed = await fileOverpricing(h);
    const res = await fetch(h.url + byId(filed.service_request_id), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ device_id: 'device-without-token' }),
    });
    await expectPersianError(res, 401, 'install-required');
    const forged = await h.post(
      byId(filed.service_request_id),
      {},
      { 'X-Install-Token': 'AAAAAAAAAAAAAAAAAAAAAA.Zm9yZ2Vk' },
    );
    await expectPersianError(forged, 401, 'install-required');
    expect(await supportersOf(filed)).toBe(0);
  });

  it('takes no support once the complaint is withdrawn or closed', async () => {
    const filed = await fileOverpricing(h, { service_code: 'no_price_label', attribute: {} });
    const withdraw = await h.post(
      '/open311/v2/servicerequestupdates.json',
      { service_request_id: filed.service_request_id, action: 'withdraw' },
      { Authorization: `Bearer ${filed.access_token}` },
    );
    expect(withdraw.status).toBe(201);
    const late = await h.post(byId(filed.service_request_id), {}, { 'X-Install-Token': await h.install() });
    await expectPersianError(late, 409, 'invalid-transition');
    const byPlace = await h.post(
      '/open311/v2/support.json',
      { address_id: FIRST_GLN, service_code: 'no_price_label', device_id: 'whatever-device' },
      { 'X-Install-Token': await h.install() },
    );
    expect(byPlace.status).toBe(404);
    expect(await supportersOf(filed)).toBe(0);
  });

  it('caps supports per install per day', async () => {
    const install = { 'X-Install-Token': await h.install() };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A different shop each time: a shop's own burst would set them aside (tested below).
      const filed = await fileOverpricing(h, { address_id: withCheckDigit(`6260000001${i}0`) });
      statuses.push((await h.post(byId(filed.service_request_id), {}, install)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe("a shop's public open-complaint count", () => {
  it('stops rising once a burst about that shop is set aside for triage', async () => {
    const shop = '6260000000026';
    const count = async () => (await (await h.get(`/api/v1/complaint-counts/${shop}`)).json()).open as number;
    const before = await count();
    for (let i = 0; i < 30; i++)
      await fileOverpricing(
        h,
        { address_id: shop, service_code: 'no_invoice', attribute: {} },
        {
          'X-Install-Token': await h.install(),
        },
      );
    expect(await count()).toBe(before + 5);
  });
});
