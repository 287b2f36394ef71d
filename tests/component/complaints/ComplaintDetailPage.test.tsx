import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ServiceRequestUpdateCreated, ServiceRequestUpdateInput } from '../../../src/api/index.ts';
import { unreadReplies } from '../../../src/app/unread.ts';
import { getComplaint, putComplaint } from '../../../src/db/complaints.ts';
import { allEntries, enqueue, NEVER } from '../../../src/db/outbox.ts';
import { remoteOf, reply, sent } from './fixtures.ts';
import { API, created, renderAt, server, useComplaintEnv } from './harness.tsx';

useComplaintEnv();

const updated = (
  c: ReturnType<typeof sent>,
  extra: Parameters<typeof remoteOf>[1],
): ServiceRequestUpdateCreated[] => [
  {
    service_request_update_id: 'u1',
    service_request_id: c.serverId!,
    updated_datetime: '2026-11-27T10:00:00+03:30',
    request: remoteOf(c, extra),
  },
];

describe('complaint detail', () => {
  it('shows the timeline with the union reply in Persian digits and a Jalali date, and marks it read', async () => {
    const c = sent('a');
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () =>
        HttpResponse.json([remoteOf(c, { substatus: 'under_review', notes: [...remoteOf(c).notes, reply] })]),
      ),
    );
    await putComplaint(c);
    unreadReplies.value = 1;
    renderAt('/complaints/a');
    expect(await screen.findByText('بازرس اتحادیه روز ۱۲ آذر از فروشگاه بازدید می‌کند.')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(within(items[1]!).getByText('پاسخ اتحادیه')).toBeTruthy();
    expect(within(items[1]!).getByText(/۵ آذر ۱۴۰۵/)).toBeTruthy();
    expect(screen.getByText('پاسخ داده شد')).toBeTruthy();
    await waitFor(async () => expect((await getComplaint('a'))?.unread).toBe(0));
    await waitFor(() => expect(unreadReplies.value).toBe(0));
  });

  it("shows the union's question as a question and asks the reporter to answer it with a follow-up", async () => {
    const c = sent('a');
    const question = { ...reply, text: 'لطفاً عکس فاکتور را هم بفرستید.', code: 'question' };
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () =>
        HttpResponse.json([remoteOf(c, { notes: [...remoteOf(c).notes, question] })]),
      ),
    );
    await putComplaint(c);
    renderAt('/complaints/a');
    expect(await screen.findByText('لطفاً عکس فاکتور را هم بفرستید.')).toBeTruthy();
    expect(screen.getByText('پرسش اتحادیه')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('پیگیری');
  });

  it('sends a follow-up through the outbox with the reporter token', async () => {
    const c = sent('a');
    let got: ServiceRequestUpdateInput | undefined;
    let auth: string | null = null;
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.json([remoteOf(c)])),
      http.post(`${API}/open311/v2/servicerequestupdates.json`, async ({ request }) => {
        got = (await request.json()) as ServiceRequestUpdateInput;
        auth = request.headers.get('authorization');
        return HttpResponse.json(
          updated(c, {
            notes: [
              ...remoteOf(c).notes,
              {
                type: 'follow_up',
                datetime: '2026-11-27T10:00:00+03:30',
                author: 'reporter',
                text: 'خبری نشد؟',
              },
            ],
          }),
        );
      }),
    );
    await putComplaint(c);
    renderAt('/complaints/a');
    fireEvent.click(await screen.findByRole('button', { name: 'پیگیری' }));
    fireEvent.click(screen.getByRole('button', { name: 'ارسال' }));
    expect(await screen.findByText('این قسمت را پر کنید.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('متن پیگیری'), { target: { value: 'خبری نشد؟' } });
    fireEvent.click(screen.getByRole('button', { name: 'ارسال' }));
    expect(await screen.findByText('خبری نشد؟')).toBeTruthy();
    expect(got).toEqual({ service_request_id: 'KBF-a', action: 'follow_up', description: 'خبری نشد؟' });
    expect(auth).toBe('Bearer token-a');
    expect(await allEntries()).toHaveLength(0);
  });

  it('asks before withdrawing, and withdraws', async () => {
    const c = sent('a');
    let action: string | undefined;
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.json([remoteOf(c)])),
      http.post(`${API}/open311/v2/servicerequestupdates.json`, async ({ request }) => {
        action = ((await request.json()) as ServiceRequestUpdateInput).action;
        return HttpResponse.json(updated(c, { status: 'closed', substatus: 'withdrawn' }));
      }),
    );
    await putComplaint(c);
    renderAt('/complaints/a');
    fireEvent.click(await screen.findByRole('button', { name: 'انصراف از شکایت' }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText(/نمی‌توانید آن را دوباره باز کنید/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'انصراف از این کار' }));
    expect(action).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'انصراف از شکایت' }));
    fireEvent.click(screen.getByRole('button', { name: 'بله، انصراف می‌دهم' }));
    expect(await screen.findByText('بسته شد: پس گرفتید')).toBeTruthy();
    expect(action).toBe('withdraw');
  });

  it('offers an objection on a closed complaint, which is kept waiting while offline', async () => {
    const c = sent('a', { status: 'closed' }, { substatus: 'no_violation' });
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error()),
      http.post(`${API}/open311/v2/servicerequestupdates.json`, () => HttpResponse.error()),
    );
    await putComplaint(c);
    renderAt('/complaints/a');
    expect(await screen.findByText('بسته شد: تخلفی احراز نشد')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'پیگیری' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'اعتراض به نتیجه' }));
    fireEvent.input(screen.getByLabelText('دلیل اعتراض'), { target: { value: 'فروشنده هنوز گران می‌فروشد' } });
    fireEvent.click(screen.getByRole('button', { name: 'ارسال' }));
    expect(await screen.findByText('۱ اقدام شما در انتظار ارسال است.')).toBeTruthy();
  });

  it('counts the actions waiting to send live while offline, and sends them when asked', async () => {
    const c = sent('a');
    let online = false;
    const got: string[] = [];
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () =>
        online ? HttpResponse.json([remoteOf(c)]) : HttpResponse.error(),
      ),
      http.post(`${API}/open311/v2/servicerequestupdates.json`, async ({ request }) => {
        if (!online) return HttpResponse.error();
        got.push(String(((await request.json()) as ServiceRequestUpdateInput).description));
        return HttpResponse.json(updated(c, {}));
      }),
    );
    await putComplaint(c);
    renderAt('/complaints/a');
    // Each follow-up writes only the outbox (the complaint's row does not change while offline).
    for (const [text, count] of [
      ['خبری نشد؟', '۱'],
      ['هنوز منتظرم.', '۲'],
    ] as const) {
      fireEvent.click(await screen.findByRole('button', { name: 'پیگیری' }));
      fireEvent.input(screen.getByLabelText('متن پیگیری'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'ارسال' }));
      expect(await screen.findByText(`${count} اقدام شما در انتظار ارسال است.`)).toBeTruthy();
    }
    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'همین حالا بفرست' }));
    await waitFor(() => expect(screen.queryByText(/در انتظار ارسال است/)).toBeNull());
    expect(got).toEqual(['خبری نشد؟', 'هنوز منتظرم.']);
    expect(await allEntries()).toHaveLength(0);
  });

  it('a complaint waiting to send says why in Persian and goes at once on "send now"', async () => {
    const c = sent('w', { status: 'queued', serverId: undefined, token: undefined });
    let up = false;
    server.use(
      http.post(`${API}/open311/v2/requests.json`, () =>
        up ? HttpResponse.json([created], { status: 201 }) : HttpResponse.error(),
      ),
    );
    await putComplaint(c);
    await enqueue({
      id: 'w',
      kind: 'create',
      payload: { complaintId: 'w', input: { service_code: 'overpricing' }, photos: [] },
      attempts: 3,
      nextAttemptAt: Date.now() + 30 * 60_000,
      createdAt: 1,
      lastError: '',
      lastFailure: 'offline',
    });
    renderAt('/complaints/w');
    expect(await screen.findByText(/اتصال به سرور برقرار نشد/)).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole('button', { name: 'همین حالا بفرست' }));
    await waitFor(async () => expect((await getComplaint('w'))?.serverId).toBe(created.service_request_id));
    expect(await allEntries()).toHaveLength(0);
  });

  it('lets a refused complaint be retried', async () => {
    const c = sent(
      'f',
      { status: 'failed', serverId: undefined, token: undefined },
      {
        failure: [{ code: 'validation', description: 'شناسهٔ مکان معتبر نیست.' }],
      },
    );
    server.use(http.post(`${API}/open311/v2/requests.json`, () => new HttpResponse(null, { status: 503 })));
    await putComplaint(c);
    renderAt('/complaints/f');
    expect(await screen.findByText('شناسهٔ مکان معتبر نیست.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'تلاش دوباره' }));
    expect(await screen.findByText('در انتظار ارسال')).toBeTruthy();
  });

  it('shows every photo the union received as a thumbnail that opens the full image', async () => {
    const urls = ['/api/v1/media/a.jpg', '/api/v1/media/b.png', '/api/v1/media/c.webp'];
    const c = sent('p', {}, { mediaUrl: urls[0] });
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () =>
        HttpResponse.json([remoteOf(c, { media_url: urls[0], media_urls: urls })]),
      ),
    );
    await putComplaint(c);
    renderAt('/complaints/p');
    expect(await screen.findByRole('heading', { name: '۳ عکس پیوست' })).toBeTruthy();
    const images = screen.getAllByRole('img');
    expect(images.map((i) => i.getAttribute('src'))).toEqual(urls.map((u) => API + u));
    expect(images[1]!.getAttribute('alt')).toMatch(/^عکس ۲ از ۳/);
    expect(images[2]!.closest('a')?.getAttribute('href')).toBe(API + urls[2]);
  });

  it('shows the one photo of a complaint stored before every photo was kept', async () => {
    server.use(http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error()));
    await putComplaint(sent('o', {}, { mediaUrl: '/api/v1/media/old.jpg' }));
    renderAt('/complaints/o');
    expect(await screen.findByRole('heading', { name: 'عکس پیوست' })).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('src')).toBe(`${API}/api/v1/media/old.jpg`);
  });

  describe('a follow-up the service refused', () => {
    const refusal = [{ code: 'invalid-transition', description: 'این شکایت اکنون پیگیری نمی‌پذیرد.' }];
    async function refusedFollowUp(c: ReturnType<typeof sent>) {
      await putComplaint({ ...c, data: { ...c.data, failure: refusal } });
      await enqueue({
        id: 'u-refused',
        kind: 'update',
        payload: { complaintId: c.id, action: 'follow_up', description: 'خبری نشد؟', failure: refusal },
        attempts: 1,
        nextAttemptAt: NEVER,
        createdAt: 1,
        lastError: refusal[0]!.description,
      });
    }

    it('shows what was refused and why, and sends it again on retry', async () => {
      const c = sent('a');
      let posted: ServiceRequestUpdateInput | undefined;
      server.use(
        http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.json([remoteOf(c)])),
        http.post(`${API}/open311/v2/servicerequestupdates.json`, async ({ request }) => {
          posted = (await request.json()) as ServiceRequestUpdateInput;
          return HttpResponse.json(updated(c, {}));
        }),
      );
      await refusedFollowUp(c);
      renderAt('/complaints/a');
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText('سرور این پیگیری شما را نپذیرفت:')).toBeTruthy();
      expect(within(alert).getByText('«خبری نشد؟»')).toBeTruthy();
      expect(within(alert).getByText('این شکایت اکنون پیگیری نمی‌پذیرد.')).toBeTruthy();
      fireEvent.click(within(alert).getByRole('button', { name: 'تلاش دوباره' }));
      await waitFor(() =>
        expect(posted).toEqual({
          service_request_id: 'KBF-a',
          action: 'follow_up',
          description: 'خبری نشد؟',
        }),
      );
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect(await allEntries()).toHaveLength(0);
      expect((await getComplaint('a'))?.data.failure).toBeUndefined();
    });

    it('drops it only after asking, and keeps the complaint', async () => {
      const c = sent('a');
      server.use(http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.json([remoteOf(c)])));
      await refusedFollowUp(c);
      renderAt('/complaints/a');
      const alert = await screen.findByRole('alert');
      fireEvent.click(within(alert).getByRole('button', { name: 'حذف این اقدام' }));
      const dialog = within(alert).getByRole('alertdialog');
      expect(within(dialog).getByText(/خود شکایت باقی می‌ماند/)).toBeTruthy();
      fireEvent.click(within(dialog).getByRole('button', { name: 'انصراف از این کار' }));
      expect(await allEntries()).toHaveLength(1);
      fireEvent.click(within(alert).getByRole('button', { name: 'حذف این اقدام' }));
      fireEvent.click(
        within(within(alert).getByRole('alertdialog')).getByRole('button', { name: 'حذف این اقدام' }),
      );
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect(await allEntries()).toHaveLength(0);
      const kept = await getComplaint('a');
      expect(kept?.serverId).toBe('KBF-a');
      expect(kept?.data.failure).toBeUndefined();
      expect(screen.getByRole('button', { name: 'پیگیری' })).toBeTruthy();
    });
  });

  it('says when the complaint is not on this device', async () => {
    renderAt('/complaints/nope');
    expect(await screen.findByRole('heading', { name: 'این شکایت روی این دستگاه پیدا نشد.' })).toBeTruthy();
  });
});
