import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import HistoryPage from '../../../src/features/history/HistoryPage.tsx';

async function seed() {
  await db().scans.clear();
  await db().places.clear();
  await db().scans.bulkAdd([
    {
      raw: 'https://qr.example.ir/414/6260000000019',
      kind: 'gs1-location',
      classification: {
        kind: 'gs1-location',
        gln: '6260000000019',
        elements: [{ ai: '414', value: '6260000000019' }],
      },
      gln: '6260000000019',
      at: Date.UTC(2026, 10, 1, 9),
      search: '6260000000019',
    },
    {
      raw: 'https://paypa1-login.example.com/verify',
      kind: 'url',
      classification: {
        kind: 'url',
        url: 'https://paypa1-login.example.com/verify',
        domain: 'paypa1-login.example.com',
        scheme: 'https',
        safe: true,
      },
      at: Date.UTC(2026, 10, 2, 9),
      search: 'paypa1-login.example.com',
    },
  ]);
  await db().places.put({
    key: '6260000000019',
    record: { gln: '6260000000019', name: 'کتاب‌فروشی امید', union: { name: 'اتحادیه صنف کتاب‌فروشان تهران' } },
    fetchedAt: Date.now(),
  });
}

describe('history page', () => {
  beforeEach(seed);

  it('lists scans newest first, naming a shop from its cached record', async () => {
    render(<HistoryPage />);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('پیوند اینترنتی')).toBeTruthy();
    expect(within(items[1]!).getByRole('link', { name: 'کتاب‌فروشی امید' }).getAttribute('href')).toBe(
      '/place/6260000000019',
    );
  });

  it('finds a shop typed with a space instead of the ZWNJ and Arabic letters', async () => {
    render(<HistoryPage />);
    const input = await screen.findByLabelText('جستجو در سوابق');
    fireEvent.input(input, { target: { value: 'كتاب فروشي' } });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('۱ نتیجه')).toBeTruthy();
  });

  it('deletes one scan and keeps the rest', async () => {
    render(<HistoryPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'حذف «پیوند اینترنتی» از سوابق' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(await db().scans.count()).toBe(1);
  });

  it('clears everything only after the shopper confirms', async () => {
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true });
    render(<HistoryPage />);
    const clear = await screen.findByRole('button', { name: 'پاک کردن همه سوابق' });
    fireEvent.click(clear);
    await new Promise((r) => setTimeout(r, 20));
    expect(await db().scans.count()).toBe(2);
    fireEvent.click(clear);
    await screen.findByText(/هنوز چیزی اسکن نکرده‌اید/);
    expect(await db().scans.count()).toBe(0);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
