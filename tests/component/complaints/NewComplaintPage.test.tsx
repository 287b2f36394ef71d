import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ApiError, ServiceRequestCreated, ServiceRequestInput } from '../../../src/api/index.ts';
import { getComplaint, putComplaint } from '../../../src/db/complaints.ts';
import { allEntries } from '../../../src/db/outbox.ts';
import { API, created, formHandlers, GLN, renderAt, server, useComplaintEnv } from './harness.tsx';

// Canvas re-encoding needs a real browser (the e2e checks the bytes); here the stripped photo is a stand-in.
vi.mock('../../../src/features/complaints/filing/strip-photo.ts', () => ({
  stripPhoto: vi.fn(async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' })),
}));

useComplaintEnv();

async function pickOverpricing() {
  fireEvent.click(await screen.findByRole('button', { name: /^گران‌فروشی/ }));
  return screen.findByLabelText(/مبلغی که پرداخت کردید/);
}

async function fillValid() {
  const price = await pickOverpricing();
  fireEvent.input(price, { target: { value: '۱۲۰٬۰۰۰' } });
  fireEvent.input(screen.getByLabelText(/شرح ماجرا/), { target: { value: 'قیمت از برچسب بیشتر بود' } });
  fireEvent.click(screen.getByLabelText(/گواهی می‌کنم/));
}

describe('new complaint: choosing a category', () => {
  it('lists the categories grouped as the service groups them, under the shop name', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'شکایت از سوپرمارکت نمونه' })).toBeTruthy();
    const group = await screen.findByRole('region', { name: 'قیمت و وزن' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.querySelector('.category-name')?.textContent),
    ).toEqual(['گران‌فروشی', 'کم‌فروشی']);
    expect(screen.getByText('مرحلهٔ ۱ از ۳')).toBeTruthy();
  });

  it('finds a category typed with Arabic letters and without the half-space', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    const search = await screen.findByLabelText('جست‌وجوی موضوع');
    await screen.findByRole('region', { name: 'قیمت و وزن' });
    fireEvent.input(search, { target: { value: 'كارتخوان' } });
    expect(screen.getAllByRole('button', { pressed: false }).map((b) => b.textContent)).toEqual([
      expect.stringContaining('نام کارتخوان'),
    ]);
    fireEvent.input(search, { target: { value: 'گرانفروشی' } });
    expect(screen.getByRole('button', { name: /^گران‌فروشی/ })).toBeTruthy();
    fireEvent.input(search, { target: { value: 'هواپیما' } });
    expect(screen.getByText('موضوعی با این عبارت پیدا نشد.')).toBeTruthy();
  });

  it('says so in Persian when the categories cannot be loaded (5xx)', async () => {
    server.use(
      http.get(`${API}/open311/v2/services.json`, () =>
        HttpResponse.json(
          [{ code: 'internal', description: 'خطای داخلی سرور؛ کمی بعد تلاش کنید.' }] satisfies ApiError,
          { status: 500 },
        ),
      ),
      ...formHandlers(),
    );
    renderAt(`/complaints/new/${GLN}`);
    expect((await screen.findByRole('alert')).textContent).toContain('خطای داخلی سرور؛ کمی بعد تلاش کنید.');
  });

  it('uses the last known categories when offline', async () => {
    localStorage.setItem(
      'kbf.complaints.services',
      JSON.stringify([
        {
          service_code: 'overpricing',
          service_name: 'گران‌فروشی',
          description: '',
          metadata: true,
          type: 'realtime',
          keywords: '',
          group: 'قیمت و وزن',
          needs_location: false,
        },
      ]),
    );
    server.use(
      http.get(`${API}/open311/v2/services.json`, () => HttpResponse.error()),
      ...formHandlers(),
    );
    renderAt(`/complaints/new/${GLN}`);
    expect(await screen.findByRole('button', { name: /^گران‌فروشی/ })).toBeTruthy();
  });

  it('times out with a Persian message when the service is too slow', async () => {
    server.use(
      http.get(`${API}/open311/v2/services.json`, async () => {
        await new Promise((r) => setTimeout(r, 3000));
        return HttpResponse.json([]);
      }),
      ...formHandlers(),
    );
    renderAt(`/complaints/new/${GLN}`);
    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain(
      'سرور به‌موقع پاسخ نداد',
    );
  });
});

describe('new complaint: evidence', () => {
  it('renders each evidence field by its datatype', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    const price = await pickOverpricing();
    expect(price.getAttribute('inputmode')).toBe('decimal');
    // Typed in the Jalali calendar as on the receipt, with a hint tied to the field.
    const when = screen.getByLabelText(/زمان خرید/) as HTMLInputElement;
    expect(when.type).toBe('text');
    expect(document.getElementById(when.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /۱۴۰۵\/۰۹\/۰۴/,
    );
    expect(screen.getByLabelText(/شرح آنچه دیدید/).tagName).toBe('TEXTAREA');
    expect(
      within(screen.getByLabelText(/روش پرداخت/))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['انتخاب کنید', 'کارت', 'نقد']);
  });

  it('ties each error to its field and focuses the first', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    const price = await pickOverpricing();
    fireEvent.input(price, { target: { value: 'خیلی' } });
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    await waitFor(() => expect(price.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('attr-price_paid-error')?.textContent).toBe('یک عدد وارد کنید.');
    expect(price.getAttribute('aria-describedby')).toContain('attr-price_paid-error');
    expect(screen.getByLabelText(/گواهی می‌کنم/).getAttribute('aria-describedby')).toBe('declare-error');
    expect(screen.getByText('برای ارسال، درستی گزارش را تأیید کنید.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(price));
  });

  it('asks a contactable reporter for a way to reach them, and says who sees what', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    await fillValid();
    expect(screen.getByText('فروشگاه هرگز نام یا مشخصات شما را نمی‌بیند.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('اتحادیه در صورت نیاز با من تماس بگیرد'));
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    expect(await screen.findByText('دست‌کم تلفن یا ایمیل را وارد کنید.')).toBeTruthy();
  });

  it('adds up to three photos and lets one be removed', async () => {
    server.use(...formHandlers());
    renderAt(`/complaints/new/${GLN}`);
    await pickOverpricing();
    const input = document.querySelector('input[type=file][accept*="image"]') as HTMLInputElement;
    const file = new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg' });
    Object.defineProperty(input, 'files', { value: [file, file], configurable: true });
    fireEvent.change(input);
    expect(await screen.findByRole('button', { name: 'حذف عکس ۲' })).toBeTruthy();
    Object.defineProperty(input, 'files', { value: [file, file], configurable: true });
    fireEvent.change(input);
    expect(await screen.findByText('حداکثر ۳ عکس می‌توانید بفرستید.')).toBeTruthy();
    await screen.findByRole('button', { name: 'حذف عکس ۳' });
    expect(document.querySelector('input[type=file][accept*="image"]')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'حذف عکس ۱' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'حذف عکس ۳' })).toBeNull());
  });

  it('warns when this device already has an open complaint of that category about the shop', async () => {
    server.use(
      ...formHandlers({
        gln: GLN,
        open: 3,
        byCategory: [{ service_code: 'overpricing', service_name: 'گران‌فروشی', count: 3 }],
      }),
    );
    await putComplaint({
      id: 'old',
      gln: GLN,
      serverId: 'KBF-9',
      token: 't',
      serviceCode: 'overpricing',
      status: 'open',
      createdAt: 1,
      updatedAt: 1,
      unread: 0,
      data: { notes: [], seenUnionNotes: 0 },
    });
    renderAt(`/complaints/new/${GLN}`);
    await pickOverpricing();
    expect(await screen.findByText(/شما قبلاً از همین مغازه با همین موضوع/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'دیدن آن شکایت' }).getAttribute('href')).toBe('/complaints/old');
    expect(screen.getByText('۲ شکایت باز دیگر با همین موضوع دربارهٔ این مغازه ثبت شده است.')).toBeTruthy();
  });
});

describe('new complaint: draft, review and submit', () => {
  it('keeps the draft in the database as the shopper types, and resumes it', async () => {
    server.use(...formHandlers());
    const first = renderAt(`/complaints/new/${GLN}`);
    const price = await pickOverpricing();
    fireEvent.input(price, { target: { value: '۵۰۰' } });
    await new Promise((r) => setTimeout(r, 400));
    first.unmount();
    renderAt(`/complaints/new/${GLN}`);
    const again = (await screen.findByLabelText(/مبلغی که پرداخت کردید/)) as HTMLInputElement;
    expect(again.value).toBe('۵۰۰');
  });

  it('reviews, then queues the complaint in the outbox and sends it with its id as the Idempotency-Key', async () => {
    let body: ServiceRequestInput | undefined;
    let key: string | null = null;
    server.use(
      ...formHandlers(),
      http.post(`${API}/open311/v2/requests.json`, async ({ request }) => {
        body = (await request.json()) as ServiceRequestInput;
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json<ServiceRequestCreated[]>([created], { status: 201 });
      }),
      http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error()),
    );
    renderAt(`/complaints/new/${GLN}`);
    await fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    const review = await screen.findByRole('heading', { name: 'بازبینی و ارسال' });
    const summary = review.parentElement!;
    expect(within(summary).getByText('۱۲۰,۰۰۰')).toBeTruthy();
    expect(within(summary).getByText('بدون راه تماس')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'ثبت و ارسال شکایت' }));
    await waitFor(() => expect(location.pathname).toMatch(/^\/complaints\/[0-9a-f-]{36}$/));
    const id = location.pathname.split('/').pop()!;
    await waitFor(async () => expect((await getComplaint(id))?.serverId).toBe('KBF-1001'));
    expect(key).toBe(id);
    expect(body).toMatchObject({
      service_code: 'overpricing',
      address_id: GLN,
      attribute: { price_paid: 120000 },
      device_id: localStorage.getItem('kbf.device-id'),
    });
    expect(body?.device_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body?.phone).toBeUndefined();
    expect(await allEntries()).toHaveLength(0);
    expect(await screen.findByText('KBF-1001')).toBeTruthy();
  });

  it('offline: the complaint waits in the outbox and says so', async () => {
    server.use(
      ...formHandlers(),
      http.post(`${API}/open311/v2/requests.json`, () => HttpResponse.error()),
    );
    renderAt(`/complaints/new/${GLN}`);
    await fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    fireEvent.click(await screen.findByRole('button', { name: 'ثبت و ارسال شکایت' }));
    expect(await screen.findByText('در انتظار ارسال')).toBeTruthy();
    expect(await screen.findByText(/هنوز فرستاده نشده است/)).toBeTruthy();
    await waitFor(async () => expect((await allEntries())[0]?.attempts).toBe(1));
  });

  it('a 4xx refusal is shown with the service Persian description and can be discarded', async () => {
    server.use(
      ...formHandlers(),
      http.post(`${API}/open311/v2/requests.json`, () =>
        HttpResponse.json(
          [{ code: 'validation', description: 'مبلغ پرداختی بیش از حد مجاز است.' }] satisfies ApiError,
          { status: 400 },
        ),
      ),
    );
    renderAt(`/complaints/new/${GLN}`);
    await fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
    fireEvent.click(await screen.findByRole('button', { name: 'ثبت و ارسال شکایت' }));
    expect(await screen.findByText('مبلغ پرداختی بیش از حد مجاز است.')).toBeTruthy();
    expect(screen.getByText('ارسال نشد')).toBeTruthy();
    expect((await allEntries())[0]?.payload.failure).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'حذف این شکایت' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'حذف این شکایت' }),
    );
    await waitFor(() => expect(location.pathname).toBe('/complaints'));
    expect(await allEntries()).toHaveLength(0);
  });
});
