import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { LocationProvider } from 'preact-iso';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  DESK_SESSION,
  type DeskSession,
  FIELD_API,
  type ShopEnforcementState,
  type StaffRole,
  type VerifyTarget,
} from '../../../src/api/index.ts';
import DeskApp from '../../../src/features/desk/DeskApp.tsx';
import { EnforcementPanel } from '../../../src/features/desk/field/EnforcementPanel.tsx';
import { useDeskClient } from '../../../src/features/desk/session.ts';
import { API, server, useMsw } from '../place/msw.ts';

// Field work's desk pages against a mocked service: what the panel offers and sends, and how the
// verify page reports the service's refusal. (The rules themselves: tests/server/desk-field/.)

useMsw();

const session = (role: StaffRole): DeskSession => ({
  staff: {
    id: `stf_${role}`,
    username: role,
    name: 'مجید حسینی',
    role,
    agency_id: role === 'clerk' ? 'union-4711-tehran' : 'chamber-tehran',
    county: 'تهران',
  },
  csrf_token: 'csrf-of-this-session',
  expires_at: '2026-12-01T04:00:00.000Z',
  agency_name: 'بازرسی اتاق اصناف تهران',
});

beforeEach(() => useDeskClient({ baseUrl: API, timeoutMs: 2000 }));

const STATE: ShopEnforcementState = {
  gln: '6260000000019',
  stage: 'written_warning',
  next: ['pos_block'],
  history: [{ stage: 'written_warning', at: '2026-03-01T08:00:00.000Z', service_request_id: 'K7Q2' }],
};

describe('the enforcement panel', () => {
  it('offers only the stages the service says are next, and sends the chosen one with the CSRF token', async () => {
    let sent: { body: unknown; csrf: string | null } | undefined;
    let state = STATE;
    server.use(
      http.get(API + DESK_SESSION, () => HttpResponse.json(session('clerk'))),
      http.get(`${API}${FIELD_API.enforcement}/K7Q2`, () => HttpResponse.json(state)),
      http.post(API + FIELD_API.enforcement, async ({ request }) => {
        sent = { body: await request.json(), csrf: request.headers.get(CSRF_HEADER) };
        state = { ...STATE, stage: 'pos_block', next: [] };
        return HttpResponse.json({ gln: STATE.gln, stage: 'pos_block', history: [] }, { status: 201 });
      }),
    );
    // The session's CSRF token is learnt as the desk reads the session.
    history.replaceState(null, '', '/desk');
    render(
      <LocationProvider>
        <DeskApp />
      </LocationProvider>,
    );
    await screen.findAllByText(/مجید حسینی/);
    let reloaded = 0;
    render(<EnforcementPanel complaint={{ service_request_id: 'K7Q2' }} reload={() => reloaded++} />);
    expect(await screen.findByText('وضعیت کنونی: اخطار کتبی')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ثبت «پلمب ۳۰ روزه»' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'ثبت «مسدودسازی کارتخوان به مدت دو هفته»' }));
    await screen.findByText('«مسدودسازی کارتخوان به مدت دو هفته» ثبت شد.');
    expect(sent).toEqual({
      body: { service_request_id: 'K7Q2', stage: 'pos_block' },
      csrf: 'csrf-of-this-session',
    });
    await waitFor(() => expect(reloaded).toBe(1));
    expect(await screen.findByText('اقدام بعدی در اختیار شما نیست.')).toBeTruthy();
  });
});

describe('level 4 on site', () => {
  const TARGET: VerifyTarget = {
    gln: '6260000000019',
    name: 'سوپرمارکت آفتاب',
    address: 'تهران، خیابان ولیعصر',
    floor: 'همکف',
    unit: '1',
    geo: { lat: 35.7, lng: 51.4 },
    verificationLevel: 2,
  };

  it("sends the fix with its accuracy and the three checks, and shows the service's refusal as an alert", async () => {
    let sent: unknown;
    const refusal = 'دقت موقعیت (80 متر) کافی نیست؛ باید 25 متر یا بهتر باشد.';
    server.use(
      http.get(API + DESK_SESSION, () => HttpResponse.json(session('field_agent'))),
      http.get(API + FIELD_API.verify(TARGET.gln), () => HttpResponse.json(TARGET)),
      http.post(API + FIELD_API.verify(TARGET.gln), async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json([{ code: 'validation', description: refusal }], { status: 422 });
      }),
    );
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: PositionCallback) =>
          ok({ coords: { latitude: 35.7001, longitude: 51.4, accuracy: 80 } } as GeolocationPosition),
      },
    });
    history.replaceState(null, '', `/desk/verify/${TARGET.gln}`);
    render(
      <LocationProvider>
        <DeskApp />
      </LocationProvider>,
    );
    expect(await screen.findByText('ثبت‌شده: طبقه همکف، واحد ۱')).toBeTruthy();
    for (const name of [
      'طبقه با ثبت یکی است',
      'شمارهٔ واحد با ثبت یکی است',
      'پلاک نصب‌شده همین شناسهٔ مکان را دارد',
    ])
      fireEvent.click(screen.getByLabelText(name));
    fireEvent.submit(screen.getByRole('button', { name: 'ثبت موقعیت GPS و احراز' }).closest('form')!);
    const alert = await screen.findByRole('alert');
    // The service's words, in Persian digits.
    expect(alert.textContent).toBe('دقت موقعیت (۸۰ متر) کافی نیست؛ باید ۲۵ متر یا بهتر باشد.');
    expect(sent).toEqual({
      lat: 35.7001,
      lng: 51.4,
      accuracy: 80,
      floor_ok: true,
      unit_ok: true,
      plate_ok: true,
    });
  });
});
