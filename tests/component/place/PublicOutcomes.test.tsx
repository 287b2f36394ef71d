import { screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { OUTCOMES_API, type ShopOutcomes } from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, useMsw } from './msw.ts';
import { countsNone, locationOk, renderAt } from './render-page.tsx';

// The shop page's outcomes section: it comes after the record has painted, shows counts by
// category and outcome worded by the lifecycle's words, the union's replies and the words the
// service sends, and stays away when the service cannot answer.

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

const OUTCOMES: ShopOutcomes = {
  gln: SHOP_GLN,
  since: '2025-06-15T00:00:00.000Z',
  total: 3,
  counts: [
    { service_code: 'no_invoice', service_name: 'عدم صدور صورتحساب', outcome: 'violation_found', count: 2 },
    { service_code: 'overpricing', service_name: 'گران‌فروشی', outcome: 'no_violation', count: 1 },
  ],
  items: [
    {
      service_code: 'overpricing',
      service_name: 'گران‌فروشی',
      outcome: 'no_violation',
      reply: { by: 'union', text: 'قیمت مطابق نرخ مصوب بود.', date: '2026-06-10' },
    },
    {
      service_code: 'no_invoice',
      service_name: 'عدم صدور صورتحساب',
      outcome: 'violation_found',
      reply: { by: 'chamber', text: 'واحد صنفی جریمه شد.', date: '2026-05-02' },
      words: 'فاکتور ندادند و گفتند کارتخوان خراب است.',
    },
  ],
};

/** Answers the outcomes, noting whether the record had been answered first. */
function outcomesAfterRecord(body: ShopOutcomes | null, order: string[]) {
  return http.get(`${API}${OUTCOMES_API.shopPattern}`, () => {
    order.push('outcomes');
    return body
      ? HttpResponse.json(body)
      : HttpResponse.json([{ code: 'x', description: 'x' }], { status: 500 });
  });
}

describe('what came of complaints, on the shop page', () => {
  it('asks for the outcomes only after the record, then shows counts, replies and published words', async () => {
    const order: string[] = [];
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN), outcomesAfterRecord(OUTCOMES, order));
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === `/api/v1/locations/${SHOP_GLN}`) order.push('record');
    });
    renderAt(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' });
    const section = (await screen.findByRole('heading', { name: 'نتیجهٔ شکایت‌ها در ۱۲ ماه گذشته' })).closest(
      'section',
    )!;
    server.events.removeAllListeners();
    expect(order).toEqual(['record', 'outcomes']);
    const s = within(section);
    expect(s.getByText('۳ شکایت بررسی و بسته شده است.')).toBeTruthy();
    const rows = s.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['موضوعنتیجهشمار', 'عدم صدور صورتحسابتخلف احراز شد۲', 'گران‌فروشیتخلفی احراز نشد۱']);
    expect(s.getByRole('table', { name: 'شمار شکایت‌های بسته‌شده بر پایهٔ موضوع و نتیجه' })).toBeTruthy();
    expect(s.getByText('واحد صنفی جریمه شد.')).toBeTruthy();
    expect(s.getByText('قیمت مطابق نرخ مصوب بود.')).toBeTruthy();
    expect(s.getByText('فاکتور ندادند و گفتند کارتخوان خراب است.').tagName).toBe('BLOCKQUOTE');
    // Only the item that carries words shows the words' caption; dates in the Jalali calendar.
    expect(s.getAllByText('نوشتهٔ شاکی')).toHaveLength(1);
    expect(s.getByText(/پاسخ اتحادیه، ۲۰ خرداد ۱۴۰۵/)).toBeTruthy();
    // A decision the county chamber took after an objection is signed by the chamber.
    expect(s.getByText(/پاسخ اتاق اصناف، ۱۲ اردیبهشت ۱۴۰۵/)).toBeTruthy();
  });

  it('says so when nothing was decided in the window', async () => {
    server.use(
      ...locationOk(locationRecord()),
      countsNone(SHOP_GLN),
      outcomesAfterRecord({ ...OUTCOMES, total: 0, counts: [], items: [] }, []),
    );
    renderAt(`/place/${SHOP_GLN}`);
    expect(
      await screen.findByText('در این مدت هیچ شکایتی دربارهٔ این واحد به نتیجه نرسیده است.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows nothing of it when the service cannot answer, and the record stays', async () => {
    const order: string[] = [];
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN), outcomesAfterRecord(null, order));
    renderAt(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' });
    await waitFor(() => expect(order).toEqual(['outcomes']));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: /نتیجهٔ شکایت‌ها/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
  });
});
