import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { NearbyResult, ServiceRequestCreated, ServiceRequestInput } from '../../../src/api/index.ts';
import { API, created, formHandlers, renderAt, server, useComplaintEnv } from './harness.tsx';

useComplaintEnv();

const HERE = { lat: 35.70021, lng: 51.40123 };

function fakeGeolocation(result: { ok: true } | { code: 1 | 2 | 3 }) {
  let asked = 0;
  const geolocation = {
    getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => {
      asked++;
      if ('ok' in result)
        ok({ coords: { latitude: HERE.lat, longitude: HERE.lng, accuracy: 20 } } as GeolocationPosition);
      else fail({ code: result.code } as GeolocationPositionError);
    },
  };
  Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
  return () => asked;
}
afterEach(() => {
  Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
});

const nearby: NearbyResult = {
  near: HERE,
  radius: 100,
  truncated: false,
  items: [
    {
      gln: '6260000000026',
      name: 'نانوایی سنگک بربری',
      guild: { code: 'bakery', name: 'نانوایی' },
      status: 'active',
      geo: { lat: 35.7003, lng: 51.4013 },
      address: 'تهران، خیابان انقلاب، پلاک ۱۲',
      distance: 12,
      trust: { level: 'good', score: 60 },
    },
    {
      gln: '6260000000019',
      name: 'سوپرمارکت نمونه',
      guild: { code: 'grocery', name: 'خواربارفروشی' },
      status: 'active',
      geo: { lat: 35.70022, lng: 51.40124 },
      address: 'تهران، خیابان انقلاب، پلاک ۱۴',
      distance: 2,
      trust: { level: 'good', score: 60 },
    },
  ],
};

describe('missing-plate report', () => {
  it('asks for the position only after a tap', async () => {
    const asked = fakeGeolocation({ ok: true });
    server.use(http.get(`${API}/api/v1/locations`, () => HttpResponse.json(nearby)));
    renderAt('/report/missing-plate');
    const button = await screen.findByRole('button', { name: 'استفاده از مکان فعلی من' });
    expect(asked()).toBe(0);
    fireEvent.click(button);
    expect(await screen.findByText('سوپرمارکت نمونه')).toBeTruthy();
    expect(asked()).toBe(1);
  });

  it('explains a refused permission in Persian', async () => {
    fakeGeolocation({ code: 1 });
    renderAt('/report/missing-plate');
    fireEvent.click(await screen.findByRole('button', { name: 'استفاده از مکان فعلی من' }));
    expect((await screen.findByRole('alert')).textContent).toContain('اجازهٔ دسترسی به مکان داده نشد');
  });

  it('lists registered shops nearby, nearest first, and files against the chosen one', async () => {
    fakeGeolocation({ ok: true });
    server.use(
      ...formHandlers(),
      http.get(`${API}/api/v1/locations`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('near')).toBe(`${HERE.lat},${HERE.lng}`);
        return HttpResponse.json(nearby);
      }),
    );
    renderAt('/report/missing-plate');
    fireEvent.click(await screen.findByRole('button', { name: 'استفاده از مکان فعلی من' }));
    const picks = await screen.findAllByRole('button', { name: /^همین مغازه است/ });
    expect(picks[0]?.getAttribute('aria-label')).toBe('همین مغازه است: سوپرمارکت نمونه');
    fireEvent.click(picks[0]!);
    await waitFor(() =>
      expect(location.pathname + location.search).toBe('/complaints/new/6260000000019?category=no_plate'),
    );
  });

  it('still reports by place when the nearby lookup fails', async () => {
    fakeGeolocation({ ok: true });
    server.use(http.get(`${API}/api/v1/locations`, () => new HttpResponse(null, { status: 500 })));
    renderAt('/report/missing-plate');
    fireEvent.click(await screen.findByRole('button', { name: 'استفاده از مکان فعلی من' }));
    expect(await screen.findByText(/فهرست مغازه‌های اطراف دریافت نشد/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'هیچ‌کدام نیست؛ گزارش با مکان من' })).toBeTruthy();
  });

  it('files a no-plate report routed by place with the guild, and no address_id', async () => {
    fakeGeolocation({ ok: true });
    let body: ServiceRequestInput | undefined;
    server.use(
      ...formHandlers(),
      http.get(`${API}/api/v1/locations`, () => HttpResponse.json({ ...nearby, items: [] })),
      http.post(`${API}/open311/v2/requests.json`, async ({ request }) => {
        body = (await request.json()) as ServiceRequestInput;
        return HttpResponse.json<ServiceRequestCreated[]>([created], { status: 201 });
      }),
      // The detail page opened after submitting pulls the new complaint; offline here.
      http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error()),
    );
    renderAt('/report/missing-plate');
    fireEvent.click(await screen.findByRole('button', { name: 'استفاده از مکان فعلی من' }));
    expect(await screen.findByText('مغازهٔ ثبت‌شده‌ای در این نزدیکی نیست.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'هیچ‌کدام نیست؛ گزارش با مکان من' }));
    const guild = await screen.findByLabelText(/صنف این مغازه/);
    expect(screen.getByText('عکس نمای مغازه')).toBeTruthy();
    fireEvent.change(guild, { target: { value: 'bakery' } });
    fireEvent.input(screen.getByLabelText(/نام روی تابلوی مغازه/), { target: { value: 'نان داغ' } });
    fireEvent.click(screen.getByLabelText(/گواهی می‌کنم/));
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    fireEvent.click(await screen.findByRole('button', { name: 'ثبت و ارسال شکایت' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toEqual({
      service_code: 'no_plate',
      lat: HERE.lat,
      long: HERE.lng,
      attribute: { shop_sign: 'نان داغ', guild_code: 'bakery' },
      device_id: localStorage.getItem('kbf.device-id'),
    });
  });

  it('shows the plate code for a misplaced plate and files it as a plate mismatch', async () => {
    fakeGeolocation({ ok: true });
    server.use(
      ...formHandlers(),
      http.get(`${API}/api/v1/locations`, () => HttpResponse.json(nearby)),
    );
    renderAt('/report/missing-plate?gln=6260000000033&reason=misplaced');
    expect(await screen.findByRole('heading', { name: 'گزارش پلاک نامتناسب با مکان' })).toBeTruthy();
    expect(screen.getByText('6260000000033').closest('bdi')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'استفاده از مکان فعلی من' }));
    fireEvent.click((await screen.findAllByRole('button', { name: /^همین مغازه است/ }))[0]!);
    await waitFor(() =>
      expect(location.pathname + location.search).toBe(
        '/complaints/new/6260000000019?category=plate_mismatch&plate_gln=6260000000033',
      ),
    );
  });
});
