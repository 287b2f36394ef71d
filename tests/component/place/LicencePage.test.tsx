import { screen, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { LicenceRecord } from '../../../src/api/index.ts';
import { BRANCH_GLN, locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, useMsw } from './msw.ts';
import { licenceOk, renderAt } from './render-page.tsx';

useMsw();

const shop = locationRecord();
const licence: LicenceRecord = {
  licenceId: shop.licenceId,
  holder: 'مریم احمدی',
  guild: shop.guild,
  union: shop.union,
  isic: shop.isic,
  issuedAt: '2023-05-01T00:00:00+03:30',
  expiresAt: '2099-05-01T00:00:00+03:30',
  locations: [
    {
      gln: SHOP_GLN,
      name: 'سوپرمارکت آفتاب',
      role: 'main',
      status: 'active',
      address: 'تهران، ولیعصر',
      geo: shop.geo,
    },
    {
      gln: BRANCH_GLN,
      name: 'سوپرمارکت آفتاب شعبه ۲',
      role: 'branch',
      status: 'sealed',
      address: 'تهران، انقلاب',
      geo: shop.geo,
    },
  ],
};

describe('licence page', () => {
  it('lists the locations under a licence, each linking to its shop page', async () => {
    server.use(licenceOk(licence));
    renderAt(`/licence/${licence.licenceId}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(within(heading).getByText(licence.licenceId).tagName).toBe('BDI');
    expect(screen.getByText('مریم احمدی')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'سوپرمارکت آفتاب — محل اصلی' }).getAttribute('href')).toBe(
      `/place/${SHOP_GLN}`,
    );
    expect(screen.getByRole('link', { name: 'سوپرمارکت آفتاب شعبه ۲ — شعبه' }).getAttribute('href')).toBe(
      `/place/${BRANCH_GLN}`,
    );
    expect(screen.getByText('(پلمب‌شده)')).toBeTruthy();
  });

  it('warns when the licence has expired', async () => {
    server.use(licenceOk({ ...licence, expiresAt: '2020-01-01T00:00:00+03:30' }));
    renderAt(`/licence/${licence.licenceId}`);
    expect(await screen.findByText(/این پروانه در .* منقضی شده است/)).toBeTruthy();
  });

  it('says an unknown licence is not in the registry', async () => {
    server.use(
      http.get(`${API}/api/v1/licenses/:id`, () =>
        HttpResponse.json([{ code: 'not-found', description: 'پروانه پیدا نشد' }], { status: 404 }),
      ),
    );
    renderAt('/licence/NOPE-1');
    expect(await screen.findByRole('heading', { name: 'این پروانه پیدا نشد' })).toBeTruthy();
  });

  it('offers a retry when the network is down', async () => {
    server.use(http.get(`${API}/api/v1/licenses/:id`, () => HttpResponse.error()));
    renderAt('/licence/TEH-1');
    expect(await screen.findByRole('heading', { name: 'اتصال برقرار نیست' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeTruthy();
  });
});
