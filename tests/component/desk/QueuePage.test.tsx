import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type DeskCounts, DESK_QUEUE_API as Q } from '../../../src/api/index.ts';
import { item, renderAt, server, useDeskEnv } from './harness.tsx';

useDeskEnv();

const counts: DeskCounts = {
  by_status: {
    received: 12,
    under_review: 3,
    hearing_scheduled: 0,
    violation_found: 5,
    no_violation: 1,
    withdrawn: 0,
    not_our_jurisdiction: 0,
    duplicate: 0,
  },
  triage: 40,
  spam: 2,
  overdue: 1,
  guilds: ['4711'],
  counties: ['تهران', 'شمیرانات'],
};

function serve(pages: Record<string, ReturnType<typeof item>[]>, asked: URL[] = []) {
  server.use(
    http.get(`*${Q.counts}`, () => HttpResponse.json(counts)),
    http.get(`*${Q.queue}`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const key =
        url.searchParams.get('cursor') ?? url.searchParams.get('q') ?? url.searchParams.get('county') ?? '';
      const items = pages[key] ?? [];
      return HttpResponse.json({ items, ...(key === '' && pages.next ? { next_cursor: 'next' } : {}) });
    }),
  );
  return asked;
}

describe('the desk queue page', () => {
  it('lists complaints with Persian digits and Jalali deadlines, and the counts per status', async () => {
    serve({
      '': [item(), item({ id: 'ZZ22ZZ22', overdue: true, escalated: true, location_name: 'نانوایی' })],
    });
    renderAt('/desk/queue');
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('link', { name: 'K7M2P9QR' }).getAttribute('href')).toBe(
      '/desk/complaints/K7M2P9QR',
    );
    expect(within(rows[1]!).getByText(/۱۴ آذر ۱۴۰۵/)).toBeTruthy();
    expect(within(rows[2]!).getByText('اعتراض')).toBeTruthy();
    const summary = screen.getByRole('list', { name: 'شمار شکایت‌ها بر پایهٔ وضعیت' });
    expect(within(summary).getByText('۱۲')).toBeTruthy();
    expect(screen.getByRole('link', { name: /بررسی انبوه \(۴۰\)/ })).toBeTruthy();
  });

  it('searches by tracking code through the address, so Back returns to the list', async () => {
    const asked = serve({ '': [item()], ZZ22ZZ22: [item({ id: 'ZZ22ZZ22' })] });
    renderAt('/desk/queue');
    await screen.findByRole('link', { name: 'K7M2P9QR' });
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'ZZ22ZZ22' } });
    fireEvent.submit(screen.getByRole('searchbox').closest('form')!);
    await screen.findByRole('link', { name: 'ZZ22ZZ22' });
    expect(location.search).toBe('?q=ZZ22ZZ22');
    expect(asked.at(-1)!.searchParams.get('q')).toBe('ZZ22ZZ22');
  });

  it('sends the filters it shows, and the CSV link carries the same filters', async () => {
    const asked = serve({ '': [item()] });
    renderAt('/desk/queue?status=open&overdue=1');
    await screen.findByRole('link', { name: 'K7M2P9QR' });
    expect(asked.at(-1)!.searchParams.get('status')).toBe('open');
    expect(asked.at(-1)!.searchParams.get('overdue')).toBe('1');
    expect((screen.getByRole('checkbox', { name: 'فقط گذشته از مهلت' }) as HTMLInputElement).checked).toBe(
      true,
    );
    const csv = screen.getByRole('link', { name: 'دریافت فهرست (CSV)' }).getAttribute('href')!;
    expect(csv).toBe(`${Q.csv}?status=open&overdue=1`);
    fireEvent.click(screen.getByRole('checkbox', { name: 'فقط دارای عکس' }));
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('photos')).toBe('1'));
  });

  it('pages on with the cursor the service gave', async () => {
    serve({ '': [item()], next: [item({ id: 'NEXT2222' })] });
    renderAt('/desk/queue');
    await screen.findByRole('link', { name: 'K7M2P9QR' });
    fireEvent.click(screen.getByRole('button', { name: 'نمایش شکایت‌های بیشتر' }));
    await screen.findByRole('link', { name: 'NEXT2222' });
    expect(screen.getByRole('link', { name: 'K7M2P9QR' })).toBeTruthy();
  });

  it('filters by county through the address and shows only what the service answers for it', async () => {
    const asked = serve({
      '': [item(), item({ id: 'ZZ22ZZ22', county: 'تهران' })],
      شمیرانات: [item({ id: 'SHMR3333', county: 'شمیرانات' })],
    });
    renderAt('/desk/queue');
    await screen.findByRole('link', { name: 'ZZ22ZZ22' });
    // A clerk's union has one guild: no choice, so no guild select.
    expect(screen.queryByRole('combobox', { name: 'رسته' })).toBeNull();
    const county = await screen.findByRole('combobox', { name: 'شهرستان' });
    fireEvent.change(county, { target: { value: 'شمیرانات' } });
    await screen.findByRole('link', { name: 'SHMR3333' });
    expect(screen.queryByRole('link', { name: 'ZZ22ZZ22' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'K7M2P9QR' })).toBeNull();
    expect(asked.at(-1)!.searchParams.get('county')).toBe('شمیرانات');
    expect(new URLSearchParams(location.search).get('county')).toBe('شمیرانات');
  });

  it('offers a guild select when the union has complaints of several guilds, in Persian digits', async () => {
    const asked = serve({ '': [item()] });
    // After serve(), so this answer of the counts is the one used.
    server.use(http.get(`*${Q.counts}`, () => HttpResponse.json({ ...counts, guilds: ['4711', '5210'] })));
    renderAt('/desk/queue?guild=5210');
    const guild = (await screen.findByRole('combobox', { name: 'رسته' })) as HTMLSelectElement;
    expect(guild.value).toBe('5210');
    expect(within(guild).getByRole('option', { name: '۴۷۱۱' })).toBeTruthy();
    expect(asked.at(-1)!.searchParams.get('guild')).toBe('5210');
  });
});
