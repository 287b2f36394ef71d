import { screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocationStatus, VerificationLevel } from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import { BRANCH_GLN, locationRecord, NEW_GLN, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { server, useMsw } from './msw.ts';
import { countsNone, countsOk, locationOk, renderAt } from './render-page.tsx';

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

describe('shop page with a loaded record', () => {
  it('shows the public record: name, guild, union contact, activity, licence, codes, address, terminals', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'سوپرمارکت آفتاب' })).toBeTruthy();
    expect(screen.getByText('خواربارفروشان')).toBeTruthy();
    expect(screen.getByText('اتحادیه خواربارفروشان تهران')).toBeTruthy();
    const tel = screen.getByRole('link', { name: 'تماس با اتحادیه به شماره ۰۲۱-۶۶۱۲۳۴۵۶' });
    expect(tel.getAttribute('href')).toBe('tel:02166123456');
    expect(screen.getByText('4711').closest('dd')?.textContent).toContain('خرده‌فروشی در فروشگاه‌های غیرتخصصی');
    expect(screen.getByRole('link', { name: 'TEH-1402-0001' }).getAttribute('href')).toBe(
      '/licence/TEH-1402-0001',
    );
    expect(screen.getByText('1234567890123')).toBeTruthy();
    expect(screen.getByText('طبقه همکف، واحد ۲')).toBeTruthy();
    expect(screen.getByText('۱۴۱۵۹۱۳۳۱۱')).toBeTruthy();
    expect(screen.getByText('سوپرمارکت آفتاب (بانک ملت)')).toBeTruthy();
  });

  it('shows the GLN as isolated left-to-right data', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    const gln = await screen.findByText(SHOP_GLN);
    expect(gln.tagName).toBe('BDI');
    expect(gln.getAttribute('dir')).toBe('ltr');
  });

  it('offers the complaint for this shop and the plate check as primary actions', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    const complain = await screen.findByRole('link', { name: 'ثبت شکایت از این واحد' });
    expect(complain.getAttribute('href')).toBe(`/complaints/new/${SHOP_GLN}`);
    expect(screen.getByRole('button', { name: 'آیا جای درستی هستم؟' })).toBeTruthy();
  });

  it.each([
    [1, 'خوداظهاری'],
    [2, 'تماس تصویری'],
    [3, 'تأیید سه همسایه'],
    [4, 'بازدید حضوری'],
  ] as [VerificationLevel, string][])(
    'explains verification level %i in plain Persian',
    async (level, words) => {
      server.use(...locationOk(locationRecord({ verificationLevel: level })), countsNone(SHOP_GLN));
      renderAt(`/place/${SHOP_GLN}`);
      const section = (await screen.findByRole('heading', { name: 'سطح احراز مکان' })).closest('section')!;
      const digits = '۰۱۲۳۴'[level];
      expect(within(section).getByText(`سطح ${digits} از ۴`)).toBeTruthy();
      expect(within(section).getByText(new RegExp(`^${words}`))).toBeTruthy();
      expect(section.querySelectorAll('.level-step.is-on')).toHaveLength(level);
    },
  );

  it.each([
    ['sealed', 'این واحد پلمب شده است', /اجازه فروش ندارد/],
    ['closed', 'این واحد تعطیل شده است', /پایان یافته است/],
  ] as [LocationStatus, string, RegExp][])(
    'warns with a %s banner in words, not colour alone',
    async (status, title, text) => {
      server.use(...locationOk(locationRecord({ status })), countsNone(SHOP_GLN));
      renderAt(`/place/${SHOP_GLN}`);
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByRole('heading', { name: title })).toBeTruthy();
      expect(within(alert).getByText(text)).toBeTruthy();
    },
  );

  it('says a moved shop moved and links to its new location', async () => {
    server.use(...locationOk(locationRecord({ status: 'moved', replacedBy: NEW_GLN })), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'این واحد جابه‌جا شده است' })).toBeTruthy();
    expect(within(alert).getByRole('link', { name: 'دیدن محل تازه' }).getAttribute('href')).toBe(
      `/place/${NEW_GLN}`,
    );
  });

  it('shows no status banner for an active shop', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('links the other locations under the same licence', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}`);
    const link = await screen.findByRole('link', { name: 'سوپرمارکت آفتاب شعبه ۲ — شعبه' });
    expect(link.getAttribute('href')).toBe(`/place/${BRANCH_GLN}`);
  });

  it('shows the sub-location named by the extension and passes it to the complaint', async () => {
    const sub = { ext: 'A1', name: 'ورودی شمالی', floor: 'همکف', unit: '1' };
    server.use(...locationOk(locationRecord({ subLocation: sub })), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}/A1`);
    expect(await screen.findByText(/ورودی شمالی، طبقه همکف، واحد ۱/)).toBeTruthy();
    const complain = screen.getByRole('link', { name: 'ثبت شکایت از این واحد' });
    expect(complain.getAttribute('href')).toBe(`/complaints/new/${SHOP_GLN}?ext=A1`);
  });

  it('says an unknown extension fell back to the main location', async () => {
    server.use(...locationOk(locationRecord()), countsNone(SHOP_GLN));
    renderAt(`/place/${SHOP_GLN}/ZZ9`);
    expect(await screen.findByText(/پیدا نشد؛ مشخصات محل اصلی نمایش داده می‌شود/)).toBeTruthy();
    expect(screen.getByText('ZZ9').tagName).toBe('BDI');
  });

  it('shows the public open complaint counts in Persian digits', async () => {
    server.use(
      ...locationOk(locationRecord()),
      countsOk({
        gln: SHOP_GLN,
        open: 3,
        byCategory: [{ service_code: 'price', service_name: 'گران‌فروشی', count: 3 }],
      }),
    );
    renderAt(`/place/${SHOP_GLN}`);
    expect(await screen.findByText('۳ شکایت باز در دست بررسی اتحادیه است.')).toBeTruthy();
    expect(screen.getByText('گران‌فروشی: ۳')).toBeTruthy();
  });
});
