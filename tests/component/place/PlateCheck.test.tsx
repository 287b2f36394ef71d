import { fireEvent, render, screen } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plateReadingPath } from '../../../src/api/index.ts';
import { PlateCheck as Check } from '../../../src/features/place/PlateCheck.tsx';
import { SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, testClient, useMsw } from './msw.ts';

useMsw();
/** Readings the app posted, as the service received them. */
let posted: unknown[] = [];
let answer = { verdict: 'near', counted: true };
const readings = () =>
  server.use(
    http.post(API + plateReadingPath(SHOP_GLN), async ({ request }) => {
      posted.push(await request.json());
      return HttpResponse.json(answer, { status: answer.counted ? 201 : 200 });
    }),
  );
const PlateCheck = (p: { gln: string; registered: { lat: number; lng: number } }) => (
  <Check {...p} client={testClient()} />
);

const SHOP = { lat: 35.7219, lng: 51.4075 };
const ISFAHAN = { lat: 32.6546, lng: 51.668 };

type Answer = { coords: { latitude: number; longitude: number; accuracy: number } } | { code: number };

/** Stands in for navigator.geolocation; records each call so a test can see when location was asked. */
function fakeGeolocation(answer: Answer) {
  const getCurrentPosition = vi.fn(
    (ok: PositionCallback, fail?: PositionErrorCallback | null, _opts?: PositionOptions) => {
      if ('coords' in answer) ok(answer as unknown as GeolocationPosition);
      else fail?.({ code: answer.code, message: '' } as GeolocationPositionError);
    },
  );
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: { getCurrentPosition, watchPosition: vi.fn(), clearWatch: vi.fn() },
  });
  return getCurrentPosition;
}

const at = (p: { lat: number; lng: number }, accuracy = 12) => ({
  coords: { latitude: p.lat, longitude: p.lng, accuracy },
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
  posted = [];
  answer = { verdict: 'near', counted: true };
});

function tapCheck() {
  fireEvent.click(screen.getByRole('button', { name: 'آیا جای درستی هستم؟' }));
}

describe('"is this the right place?"', () => {
  it('asks for location only when the shopper taps, with high accuracy and a timeout', () => {
    readings();
    const geo = fakeGeolocation(at(SHOP));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    expect(geo).not.toHaveBeenCalled();
    tapCheck();
    expect(geo).toHaveBeenCalledTimes(1);
    expect(geo.mock.calls[0]?.[2]).toMatchObject({ enableHighAccuracy: true, timeout: expect.any(Number) });
  });

  it('says the plate matches when the shopper stands at the registered point', async () => {
    readings();
    fakeGeolocation(at({ lat: SHOP.lat + 0.0002, lng: SHOP.lng }));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(
      await screen.findByText(/موقعیت شما با محل ثبت‌شده این پلاک می‌خواند \(حدود ۲۲ متر فاصله\)/),
    ).toBeTruthy();
  });

  it('says the plate is far and offers the misplaced or forged plate report', async () => {
    readings();
    answer = { verdict: 'far', counted: true };
    fakeGeolocation(at(ISFAHAN));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText(/کیلومتر از محل ثبت‌شده این پلاک فاصله دارید/)).toBeTruthy();
    const report = screen.getByRole('link', { name: 'گزارش پلاک جابه‌جا یا جعلی' });
    expect(report.getAttribute('href')).toBe(`/report/missing-plate?gln=${SHOP_GLN}&reason=misplaced`);
  });

  it('does not claim a match from a coarse fix', async () => {
    fakeGeolocation(at(SHOP, 900));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText(/موقعیت شما دقیق نیست/)).toBeTruthy();
  });

  it.each([
    [1, /اجازه دسترسی به موقعیت داده نشد/],
    [2, /موقعیت شما پیدا نشد/],
    [3, /یافتن موقعیت بیش از حد طول کشید/],
  ])('explains geolocation error %i in Persian', async (code, text) => {
    fakeGeolocation({ code });
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'دوباره بررسی کن' })).toBeTruthy();
  });

  it('says so when the browser has no geolocation at all', async () => {
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText('این مرورگر امکان خواندن موقعیت را ندارد.')).toBeTruthy();
  });

  it("sends a near reading as the plate's confirmation and thanks the shopper once it counts", async () => {
    readings();
    fakeGeolocation(at(SHOP, 9));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText('سپاس! تأیید شما برای این پلاک ثبت شد.')).toBeTruthy();
    // The fix as the phone gave it: the service judges near or far itself.
    expect(posted).toEqual([{ lat: SHOP.lat, lng: SHOP.lng, accuracy: 9 }]);
  });

  it('says a second confirmation this month was already recorded', async () => {
    readings();
    answer = { verdict: 'near', counted: false };
    fakeGeolocation(at(SHOP, 9));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText('تأیید شما برای این پلاک در این ماه پیش‌تر ثبت شده است.')).toBeTruthy();
  });

  it('sends nothing from a coarse fix (an unplanned request would fail this test)', async () => {
    fakeGeolocation(at(SHOP, 900));
    render(<PlateCheck gln={SHOP_GLN} registered={SHOP} />);
    tapCheck();
    expect(await screen.findByText(/موقعیت شما دقیق نیست/)).toBeTruthy();
    expect(posted).toEqual([]);
  });
});
