import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Trust } from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { server, useMsw } from './msw.ts';
import { countsNone, locationOk, renderAt } from './render-page.tsx';

// The trust badge on the shop page: the level in words beside the name, and "why this badge?"
// listing each factor the service sent in plain Persian, with Persian digits.

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

const sealed: Trust = {
  level: 'low',
  score: 55,
  plateConfirmed: true,
  factors: [
    { factor: 'verification', points: 30, max: 30, key: 'trust:factor.verification.level4' },
    {
      factor: 'plate',
      points: 10,
      max: 10,
      key: 'trust:factor.plate.confirmed',
      params: { count: 4, needed: 3, days: 90 },
    },
    { factor: 'licence', points: 10, max: 10, key: 'trust:factor.licence.valid' },
    {
      factor: 'enforcement',
      points: 0,
      max: 25,
      key: 'trust:factor.enforcement.seal',
      params: { warnings: 0, posBlocks: 1, seals: 1 },
    },
    {
      factor: 'complaints',
      points: 0,
      max: 15,
      key: 'trust:factor.complaints.manyUpheld',
      params: { upheld: 2, rejected: 3 },
    },
    { factor: 'tenure', points: 5, max: 10, key: 'trust:factor.tenure.year', params: { years: 2 } },
  ],
};

describe('shop page: trust badge', () => {
  it('shows the level in words by the name, and the reasons under "why this badge?"', async () => {
    server.use(...locationOk(locationRecord({ trust: sealed })), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    const head = (await screen.findByRole('heading', { level: 1 })).closest('header')!;
    expect(within(head).getByText('اعتماد کم')).toBeTruthy();
    expect(within(head).getByText('پلاک را خریداران در محل تأیید کرده‌اند')).toBeTruthy();

    const why = screen.getByText('چرا این نشان؟');
    const details = why.closest('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(why);
    const items = within(details).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(items[1]!.textContent).toContain('۴ خریدار در ۹۰ روز گذشته');
    expect(items[3]!.textContent).toContain('این مغازه پلمب شده است');
    expect(items[3]!.textContent).toContain('۰ از ۲۵ امتیاز');
    expect(items[4]!.textContent).toContain('۲ شکایت وارد دانسته شده است (۳ شکایت رد شد)');
    expect(details.textContent).toContain('امتیاز ۵۵ از ۱۰۰');
    expect(details.textContent).toContain('پلمب در ۱۲ ماه گذشته');
    expect(details.textContent).not.toMatch(/[0-9]/);
  });

  it('shows no badge for a record without one (a copy saved before badges)', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText('چرا این نشان؟')).toBeNull();
  });
});
