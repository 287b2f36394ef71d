import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { unreadReplies } from '../../../src/app/unread.ts';
import { putComplaint } from '../../../src/db/complaints.ts';
import { remoteOf, reply, sent } from './fixtures.ts';
import { API, renderAt, server, useComplaintEnv } from './harness.tsx';

useComplaintEnv();

const offlineRequests = () => http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error());

describe('my complaints', () => {
  it('invites a first complaint when there is none', async () => {
    renderAt('/complaints');
    expect(await screen.findByText(/هنوز شکایتی ثبت نکرده‌اید/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'اسکن پلاک' }).getAttribute('href')).toBe('/scan');
  });

  it('shows each complaint with its status in words, tracking code, recipient and Jalali deadline', async () => {
    server.use(offlineRequests());
    await putComplaint(sent('a'));
    await putComplaint(sent('b', { status: 'closed', updatedAt: 5 }, { substatus: 'violation_found' }));
    await putComplaint({
      ...sent('q', { status: 'queued', serverId: undefined, token: undefined, updatedAt: 9 }),
    });
    renderAt('/complaints');
    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(3);
    const a = cards.find((c) => c.textContent?.includes('KBF-a'))!;
    expect(within(a).getByText('دریافت شد')).toBeTruthy();
    expect(within(a).getByText('گیرنده: اتحادیه صنف خواربارفروشان تهران')).toBeTruthy();
    expect(within(a).getByText(/مهلت پاسخ: ۱۴ آذر ۱۴۰۵/)).toBeTruthy();
    expect(within(a).getByText('KBF-a').closest('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(screen.getByText('بسته شد: تخلف احراز شد')).toBeTruthy();
    expect(screen.getByText('در انتظار ارسال')).toBeTruthy();
    expect(screen.getByText(/۱ مورد در انتظار ارسال است/)).toBeTruthy();
  });

  it('copies the tracking code', async () => {
    server.use(offlineRequests());
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await putComplaint(sent('a'));
    renderAt('/complaints');
    fireEvent.click(await screen.findByRole('button', { name: 'کپی کد پیگیری' }));
    expect(await screen.findByText('کد پیگیری کپی شد.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('KBF-a');
  });

  it('pulls fresh replies on opening and counts them on the navigation badge', async () => {
    const c = sent('a');
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer token-a'
          ? HttpResponse.json([remoteOf(c, { notes: [...remoteOf(c).notes, reply] })])
          : HttpResponse.json([{ code: 'unauthorized', description: 'اجازه ندارید' }], { status: 401 }),
      ),
    );
    await putComplaint(c);
    renderAt('/complaints');
    expect(await screen.findByText('۱ پاسخ تازه')).toBeTruthy();
    expect(screen.getByText('پاسخ داده شد')).toBeTruthy();
    await waitFor(() => expect(unreadReplies.value).toBe(1));
  });

  it('keeps the last known state when the service is down (5xx)', async () => {
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () => new HttpResponse(null, { status: 503 })),
    );
    await putComplaint(sent('a'));
    renderAt('/complaints');
    expect(await screen.findByText('دریافت شد')).toBeTruthy();
  });
});
