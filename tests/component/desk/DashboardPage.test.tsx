import { screen, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type DeskDashboard, DESK_QUEUE_API as Q } from '../../../src/api/index.ts';
import { renderAt, server, useDeskEnv } from './harness.tsx';

useDeskEnv();

const board: DeskDashboard = {
  open: 17,
  overdue: 2,
  median_first_reply_minutes: 30 * 60 + 30,
  outcomes: [{ service_code: 'overpricing', outcome: 'violation_found', count: 4 }],
  months: [
    { month: '1405-08', filed: 20, closed: 12, replied: 18 },
    { month: '1405-09', filed: 9, closed: 1, replied: 5 },
  ],
};

describe('the union dashboard page', () => {
  it('shows the figures in Persian digits, outcomes by category, and Jalali months by name', async () => {
    server.use(http.get(`*${Q.dashboard}`, () => HttpResponse.json(board)));
    renderAt('/desk/dashboard');
    expect(await screen.findByText('۱۷')).toBeTruthy();
    expect(screen.getByText('۳۰٫۵ ساعت')).toBeTruthy();
  });

  it('words a short wait in minutes', async () => {
    server.use(
      http.get(`*${Q.dashboard}`, () => HttpResponse.json({ ...board, median_first_reply_minutes: 42 })),
    );
    renderAt('/desk/dashboard');
    expect(await screen.findByText('۴۲ دقیقه')).toBeTruthy();
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]!).getByText('گران‌فروشی')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'آذر ۱۴۰۵' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'آبان ۱۴۰۵' })).toBeTruthy();
  });
});
