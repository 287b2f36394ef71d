import { screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { server, useMsw } from './msw.ts';
import { countsNone, locationOk, renderAt } from './render-page.tsx';

// What field work adds to a shop's public page: the enforcement stages as they are, with their
// dates in the Persian calendar, and who checked the shop on site for level 4.

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

describe('shop page: enforcement and on-site verification', () => {
  it('lists the stages newest first with Jalali dates, the seal with its end', async () => {
    server.use(
      ...locationOk(
        locationRecord({
          status: 'sealed',
          statusSince: '2026-03-05T08:00:00.000Z',
          enforcement: [
            {
              stage: 'seal',
              at: '2026-03-05T08:00:00.000Z',
              until: '2026-04-04T08:00:00.000Z',
              service_request_id: 'K7Q2',
            },
            { stage: 'written_warning', at: '2026-03-01T08:00:00.000Z', service_request_id: 'K7Q2' },
          ],
        }),
      ),
      countsNone(SHOP_GLN),
    );
    renderAt(`/place/${SHOP_GLN}`);
    const section = (await screen.findByRole('heading', { name: 'اقدام‌های قانونی' })).closest('section')!;
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'پلمب ۳۰ روزه',
      'اخطار کتبی',
    ]);
    // 5 March 2026 is 14 Esfand 1404; 4 April 2026 is 15 Farvardin 1405.
    expect(items[0]!.textContent).toMatch(/۱۴۰۴.*۱۴۰۵/);
    expect(items[0]!.textContent).not.toMatch(/[0-9]/);
    expect(screen.getByRole('alert').textContent).toContain('این واحد پلمب شده است');
  });

  it('shows nothing of enforcement for a shop with none', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('heading', { name: 'اقدام‌های قانونی' })).toBeNull();
  });

  it('names who checked a level-4 shop on site, and when', async () => {
    server.use(
      ...locationOk(
        locationRecord({
          verificationLevel: 4,
          verification: { at: '2026-03-05T08:00:00.000Z', by: 'مریم کاظمی' },
        }),
      ),
      countsNone(SHOP_GLN),
    );
    renderAt(`/place/${SHOP_GLN}`);
    const section = (await screen.findByRole('heading', { name: 'سطح احراز مکان' })).closest('section')!;
    expect(section.textContent).toMatch(/بازدید حضوری: مریم کاظمی، .*۱۴۰۴/);
  });
});
