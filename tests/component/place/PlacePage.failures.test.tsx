import { screen, within } from '@testing-library/preact';
import { delay, HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { putPlace } from '../../../src/db/places.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, testClient, useMsw } from './msw.ts';
import { countsNone, locationError, renderAt } from './render-page.tsx';

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

const offline = http.get(`${API}/api/v1/locations/:gln`, () => HttpResponse.error());

describe('shop page when the record cannot be shown', () => {
  it('refuses a bad check digit locally, naming the expected digit, without any request', async () => {
    let requests = 0;
    server.events.on('request:start', () => {
      requests++;
    });
    renderAt('/place/6260000000018');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'رقم کنترل شناسه مکان اشتباه است' })).toBeTruthy();
    expect(alert.textContent).toContain('باید ۹ باشد، نه ۸');
    expect(within(alert).getByText('6260000000018').tagName).toBe('BDI');
    expect(within(alert).getByRole('link', { name: 'اسکن دوباره' }).getAttribute('href')).toBe('/scan');
    expect(requests).toBe(0);
    server.events.removeAllListeners();
  });

  it('says a GLN of the wrong length is not a GLN', async () => {
    renderAt('/place/12345');
    expect(await screen.findByRole('heading', { name: 'این شناسه مکان معتبر نیست' })).toBeTruthy();
  });

  it('says an unknown GLN is not registered and offers to report the plate', async () => {
    server.use(locationError(404, [{ code: 'not-found', description: 'واحدی با این شناسه ثبت نشده است.' }]));
    renderAt(`/place/${SHOP_GLN}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'این شناسه در ثبت پیدا نشد' })).toBeTruthy();
    const report = within(alert).getByRole('link', { name: 'گزارش پلاک مشکوک یا نبود پلاک' });
    expect(report.getAttribute('href')).toBe(`/report/missing-plate?gln=${SHOP_GLN}`);
    expect(within(alert).queryByRole('button', { name: 'تلاش دوباره' })).toBeNull();
  });

  it('gives up after the client timeout and offers a retry', async () => {
    server.use(
      http.get(`${API}/api/v1/locations/:gln`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderAt(`/place/${SHOP_GLN}`, testClient(50));
    expect(await screen.findByRole('heading', { name: 'سرور پاسخ نداد' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeTruthy();
  });

  it('says the server failed on a 5xx with nothing cached', async () => {
    server.use(locationError(503, [{ code: 'internal', description: 'خطای داخلی سرور' }]));
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { name: 'سرور با خطا روبه‌رو شد' })).toBeTruthy();
    expect(screen.getByText(/چند دقیقه بعد دوباره تلاش کنید/)).toBeTruthy();
  });

  it("shows the service's own Persian message for a refused request", async () => {
    server.use(locationError(400, [{ code: 'bad-gln', description: 'شناسه مکان باید ۱۳ رقم باشد.' }]));
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { name: 'درخواست پذیرفته نشد' })).toBeTruthy();
    expect(screen.getByText('شناسه مکان باید ۱۳ رقم باشد.')).toBeTruthy();
  });

  it('says there is no connection and no saved copy when offline with an empty cache', async () => {
    server.use(offline);
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { name: 'اتصال برقرار نیست' })).toBeTruthy();
    expect(screen.getByText(/نسخه ذخیره‌شده‌ای از این واحد روی گوشی نیست/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'صفحه اصلی' }).getAttribute('href')).toBe('/');
  });

  it('shows the cached record with its age when offline', async () => {
    await putPlace({
      key: SHOP_GLN,
      record: locationRecord(),
      etag: '"v1"',
      fetchedAt: Date.now() - 3 * 3600_000,
    });
    server.use(offline, countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
    const notice = screen.getByRole('heading', { name: 'نسخه ذخیره‌شده' }).closest('section')!;
    expect(notice.textContent).toContain('۳ ساعت پیش');
    expect(within(notice).getByRole('button', { name: 'به‌روزرسانی' })).toBeTruthy();
  });

  it('loads again when retry is tapped and the network is back', async () => {
    server.use(offline);
    renderAt(`/place/${SHOP_GLN}`);
    const retry = await screen.findByRole('button', { name: 'تلاش دوباره' });
    server.resetHandlers(
      http.get(`${API}/api/v1/locations/:gln`, () => HttpResponse.json(locationRecord())),
      countsNone(SHOP_GLN),
    );
    retry.click();
    expect(await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
  });
});
