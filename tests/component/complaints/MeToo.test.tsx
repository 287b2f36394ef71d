import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type {
  ApiError,
  LocationComplaintCounts,
  PlaceSupportInput,
  PlaceSupportResult,
} from '../../../src/api/index.ts';
import { putComplaint } from '../../../src/db/complaints.ts';
import { allEntries } from '../../../src/db/outbox.ts';
import { sent } from './fixtures.ts';
import { API, formHandlers, GLN, renderAt, server, useComplaintEnv } from './harness.tsx';

// "Me too" in the complaint form: offered when others have an open complaint of the chosen
// category at this shop, sent at once (never queued), and every outcome said plainly.

vi.mock('../../../src/features/complaints/filing/strip-photo.ts', () => ({
  stripPhoto: vi.fn(async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' })),
}));

useComplaintEnv();

const ME_TOO = 'من هم شاهد همین تخلف بوده‌ام';

const countsOf = (byCategory: Record<string, number>): LocationComplaintCounts => ({
  gln: GLN,
  open: Object.values(byCategory).reduce((s, n) => s + n, 0),
  byCategory: Object.entries(byCategory).map(([service_code, count]) => ({
    service_code,
    service_name: service_code,
    count,
  })),
});

const supported: PlaceSupportResult = {
  address_id: GLN,
  service_code: 'overpricing',
  service_name: 'گران‌فروشی',
  supporters: 3,
  already_supported: false,
  agency_responsible: 'اتحادیه صنف خواربارفروشان تهران',
  expected_datetime: '2026-12-05T10:00:00+03:30',
};

async function openOverpricing() {
  fireEvent.click(await screen.findByRole('button', { name: /^گران‌فروشی/ }));
  await screen.findByLabelText(/مبلغی که پرداخت کردید/);
}

function supportHandler(answer: () => Response | Promise<Response>, seen: PlaceSupportInput[] = []) {
  return http.post(`${API}/open311/v2/support.json`, async ({ request }) => {
    seen.push((await request.json()) as PlaceSupportInput);
    return answer();
  });
}

describe('me too: when it is offered', () => {
  it('is offered beside the count when others have an open complaint of the chosen category', async () => {
    server.use(...formHandlers(countsOf({ overpricing: 2 })));
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    expect(await screen.findByRole('button', { name: ME_TOO })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'شما هم شاهد همین تخلف بوده‌اید؟' })).toBeTruthy();
    expect(screen.getByText(/هیچ اطلاعات شخصی دیگری از شما فرستاده نمی‌شود/)).toBeTruthy();
    // Filing one's own stays right there.
    expect(screen.getByRole('button', { name: 'بازبینی' })).toBeTruthy();
  });

  it('is not offered when the open complaints at this shop are of another category', async () => {
    let asked = false;
    server.use(
      http.get(`${API}/api/v1/complaint-counts/:gln`, () => {
        asked = true;
        return HttpResponse.json(countsOf({ short_weight: 4 }));
      }),
      ...formHandlers(),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    await waitFor(() => expect(asked).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: ME_TOO })).toBeNull();
    expect(screen.queryByText(/شکایت باز دیگر/)).toBeNull();
  });

  it("is not offered when this device's own complaint of that category is open", async () => {
    server.use(...formHandlers(countsOf({ overpricing: 2 })));
    await putComplaint(sent('mine'));
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    expect(await screen.findByText(/شما قبلاً از همین مغازه با همین موضوع/)).toBeTruthy();
    expect(await screen.findByText(/۱ شکایت باز دیگر/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: ME_TOO })).toBeNull();
  });
});

describe('me too: sending it', () => {
  it('adds the support with a per-device id and says which union handles it and that nothing personal was sent', async () => {
    const seen: PlaceSupportInput[] = [];
    server.use(
      ...formHandlers(countsOf({ overpricing: 2 })),
      supportHandler(() => HttpResponse.json(supported), seen),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    const done = await screen.findByRole('status', { name: 'حمایت شما ثبت شد' });
    expect(done.textContent).toContain(
      'حمایت شما به شکایت بازِ موجود دربارهٔ «گران‌فروشی» در این مغازه اضافه شد.',
    );
    expect(done.textContent).toContain('رسیدگی با اتحادیه صنف خواربارفروشان تهران است');
    expect(done.textContent).toContain('۱۴۰۵');
    expect(done.textContent).toContain('تاکنون ۳ نفر از این شکایت حمایت کرده‌اند.');
    expect(done.textContent).toContain('هیچ اطلاعات شخصی از شما فرستاده نشد');
    expect(screen.getByRole('link', { name: 'بازگشت به صفحهٔ مغازه' }).getAttribute('href')).toBe(
      `/place/${GLN}`,
    );
    expect(seen).toEqual([{ address_id: GLN, service_code: 'overpricing', device_id: expect.any(String) }]);
    expect(seen[0]!.device_id).toBe(localStorage.getItem('kbf.device-id'));
    expect(await allEntries()).toHaveLength(0);
  });

  it('says so when this device had already supported it', async () => {
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(() => HttpResponse.json({ ...supported, supporters: 1, already_supported: true })),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    expect(
      await screen.findByText(/شما پیش‌تر از همین شکایت دربارهٔ «گران‌فروشی» حمایت کرده بودید/),
    ).toBeTruthy();
  });

  it('404: says the complaint is no longer open and to file their own, with no retry', async () => {
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(() =>
        HttpResponse.json([{ code: 'not-found', description: 'شکایت بازی نیست.' }] satisfies ApiError, {
          status: 404,
        }),
      ),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'اکنون شکایت بازی با این موضوع دربارهٔ این مغازه نیست',
    );
    expect(screen.queryByRole('button', { name: ME_TOO })).toBeNull();
    expect(screen.queryByRole('button', { name: 'تلاش دوباره' })).toBeNull();
    expect(screen.getByRole('button', { name: 'بازبینی' })).toBeTruthy();
  });

  it("409 own-complaint: says the open one is the shopper's own and points to it, with no retry", async () => {
    const seen: PlaceSupportInput[] = [];
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(
        () =>
          HttpResponse.json(
            [{ code: 'own-complaint', description: 'شکایت را خودتان ثبت کرده‌اید.' }] satisfies ApiError,
            { status: 409 },
          ),
        seen,
      ),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('خودتان از همین گوشی ثبت کرده‌اید');
    expect(screen.getByRole('link', { name: 'رفتن به شکایت‌های من' }).getAttribute('href')).toBe(
      '/complaints',
    );
    expect(screen.queryByRole('button', { name: ME_TOO })).toBeNull();
    expect(screen.queryByRole('button', { name: 'تلاش دوباره' })).toBeNull();
    expect(seen[0]?.device_id).toBe(localStorage.getItem('kbf.device-id'));
    expect(await allEntries()).toHaveLength(0);
  });

  it('offline: says it was not sent, offers filing their own or trying later, and queues nothing', async () => {
    let calls = 0;
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(() => {
        calls++;
        return calls === 1 ? HttpResponse.error() : HttpResponse.json(supported);
      }),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('حمایت شما فرستاده نشد، چون اینترنت در دسترس نیست.');
    expect(alert.textContent).toContain('شکایت خودتان را ثبت کنید');
    expect(await allEntries()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'تلاش دوباره' }));
    expect(await screen.findByRole('status', { name: 'حمایت شما ثبت شد' })).toBeTruthy();
  });

  it('5xx: says the server failed and the support was not recorded', async () => {
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(() =>
        HttpResponse.json([{ code: 'internal', description: 'خطا' }] satisfies ApiError, { status: 503 }),
      ),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'خطایی در سرور رخ داد و حمایت شما ثبت نشد.',
    );
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeTruthy();
  });

  it('timeout: says the server did not answer in time', async () => {
    server.use(
      ...formHandlers(countsOf({ overpricing: 1 })),
      supportHandler(async () => {
        await delay(3000);
        return HttpResponse.json(supported);
      }),
    );
    renderAt(`/complaints/new/${GLN}`);
    await openOverpricing();
    fireEvent.click(await screen.findByRole('button', { name: ME_TOO }));
    expect(screen.getByRole('button', { name: 'در حال ارسال…' })).toHaveProperty('disabled', true);
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain(
      'سرور به‌موقع پاسخ نداد و حمایت شما ثبت نشد.',
    );
  });
});
