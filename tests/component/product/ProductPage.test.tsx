import { render, screen, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { LocationProvider, Route, Router } from 'preact-iso';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import { putProduct } from '../../../src/db/products.ts';
import ProductPage from '../../../src/features/product/ProductPage.tsx';
import { API, server, testClient, useMsw } from '../place/msw.ts';

useMsw();
beforeEach(async () => {
  await db().products.clear();
});

const GTIN = '06261003000020';
const oil: ProductRecord = {
  gtin: GTIN,
  barcode: 'ean13',
  name: 'روغن مایع آفتابگردان مهرگان',
  brand: 'مهرگان',
  size: '۸۱۰ گرم',
  guild: { code: '4711', name: 'سوپرمارکت و خواربار' },
  party: { role: 'producer', name: 'شرکت صنایع مهرگان' },
  printedPrice: 1_320_000,
  approvedPrice: {
    rials: 1_190_000,
    approvedAt: '2025-03-21',
    authority: 'سازمان حمایت مصرف‌کنندگان و تولیدکنندگان',
  },
  licences: [
    { kind: 'health', number: '۹۴/۱۹۱۹۱' },
    { kind: 'irc', number: '2410928088609576' },
    { kind: 'standard', number: '۱۰۵۷' },
  ],
  updatedAt: '2025-09-28T00:00:00.000Z',
};

function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/product/:gtin" component={ProductPage} client={testClient()} />
        <Route default component={() => <p>not routed</p>} />
      </Router>
    </LocationProvider>,
  );
}

const productOk = (record: ProductRecord, etag = '"p1"') =>
  http.get(`${API}/api/v1/products/:gtin`, ({ params }) =>
    params.gtin === record.gtin
      ? HttpResponse.json(record, { headers: { ETag: etag } })
      : HttpResponse.json([{ code: 'not-found', description: 'پیدا نشد' }], { status: 404 }),
  );
const offline = http.get(`${API}/api/v1/products/:gtin`, () => HttpResponse.error());

describe('product page', () => {
  it('shows name, brand, producer, printed and approved prices in Persian digits, with the Jalali date', async () => {
    server.use(productOk(oil));
    renderAt(`/product/${GTIN}`);
    expect(await screen.findByRole('heading', { level: 1, name: oil.name })).toBeTruthy();
    const prices = screen.getByRole('heading', { name: 'قیمت' }).closest('section')!;
    expect(prices.textContent).toContain('۱٬۳۲۰٬۰۰۰ ریال');
    expect(prices.textContent).toContain('۱۳۲٬۰۰۰ تومان');
    expect(prices.textContent).toContain('۱٬۱۹۰٬۰۰۰ ریال');
    // 2025-03-21 is 1 Farvardin 1404.
    expect(prices.textContent).toMatch(/۱ فروردین ۱۴۰۴/);
    expect(screen.getByText('شرکت صنایع مهرگان')).toBeTruthy();
    expect(screen.getByText('مهرگان')).toBeTruthy();
    const licences = screen.getByRole('heading', { name: 'مجوزها' }).closest('section')!;
    expect(within(licences).getByText('2410928088609576').tagName).toBe('BDI');
    expect(licences.textContent).toContain('۱۰۵۷');
    expect(screen.getByRole('link', { name: 'بیشتر از این قیمت پرداخت کردم' }).getAttribute('href')).toBe(
      `/product/${GTIN}/complain`,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the importer and the country for imported goods, and says when no price is printed', async () => {
    const mouse: ProductRecord = {
      ...oil,
      gtin: '00010031000016',
      barcode: 'upca',
      party: { role: 'importer', name: 'واردات کالای آسیا', countryOfOrigin: 'ترکیه' },
      printedPrice: null,
      approvedPrice: null,
      licences: [],
    };
    server.use(productOk(mouse));
    renderAt('/product/010031000016');
    expect(await screen.findByText('واردات کالای آسیا')).toBeTruthy();
    expect(screen.getByText('واردکننده')).toBeTruthy();
    expect(screen.getByText('ترکیه')).toBeTruthy();
    expect(screen.getByText('قیمتی برای درج روی بسته ثبت نشده است.')).toBeTruthy();
    expect(screen.getByText('برای این کالا قیمت مصوبی ثبت نشده است.')).toBeTruthy();
  });

  it('warns when the scanned code carries an AI 17 expiry in the past', async () => {
    server.use(productOk(oil));
    renderAt(`/product/${GTIN}?10=L2407A&17=240731`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'تاریخ انقضای این کالا گذشته است' })).toBeTruthy();
    // 2024-07-31 is 10 Mordad 1403.
    expect(alert.textContent).toMatch(/۱۰ مرداد ۱۴۰۳/);
    expect(screen.getByText('L2407A').tagName).toBe('BDI');
  });

  it('reads DD 00 as the end of the month and shows a future expiry without a warning', async () => {
    server.use(productOk(oil));
    renderAt(`/product/${GTIN}?17=351200`);
    expect(await screen.findByText(/تاریخ انقضا طبق کد/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the saved copy with its age when offline', async () => {
    await putProduct({ gtin: GTIN, record: oil, etag: '"p1"', fetchedAt: Date.now() - 2 * 86_400_000 });
    server.use(offline);
    renderAt(`/product/${GTIN}`);
    expect(await screen.findByRole('heading', { level: 1, name: oil.name })).toBeTruthy();
    const notice = screen.getByRole('heading', { name: 'نسخهٔ ذخیره‌شده' }).closest('section')!;
    expect(notice.textContent).toMatch(/۲ روز پیش|پریروز/);
    expect(within(notice).getByRole('button', { name: 'به‌روزرسانی' })).toBeTruthy();
    expect(screen.getByText(/۱٬۳۲۰٬۰۰۰ ریال/)).toBeTruthy();
  });

  it('revalidates the saved copy with If-None-Match and keeps it on 304', async () => {
    await putProduct({ gtin: GTIN, record: oil, etag: '"p1"', fetchedAt: Date.now() - 86_400_000 });
    let sent: string | null = null;
    server.use(
      http.get(`${API}/api/v1/products/:gtin`, ({ request }) => {
        sent = request.headers.get('if-none-match');
        return new HttpResponse(null, { status: 304 });
      }),
    );
    renderAt(`/product/${GTIN}`);
    expect(await screen.findByRole('heading', { level: 1, name: oil.name })).toBeTruthy();
    expect(sent).toBe('"p1"');
    expect(screen.queryByRole('heading', { name: 'نسخهٔ ذخیره‌شده' })).toBeNull();
  });

  it('says there is no connection and no saved copy when offline with nothing saved', async () => {
    server.use(offline);
    renderAt(`/product/${GTIN}`);
    expect(await screen.findByRole('heading', { name: 'به سرور دسترسی نداریم' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'تلاش دوباره' })).toBeTruthy();
  });

  it('says an unknown product is not registered', async () => {
    server.use(productOk(oil));
    renderAt('/product/6269999000000');
    expect(await screen.findByRole('heading', { name: 'کالا پیدا نشد' })).toBeTruthy();
  });

  it('refuses a wrong check digit without any request', async () => {
    let requests = 0;
    server.events.on('request:start', () => {
      requests++;
    });
    renderAt('/product/6261003000021');
    expect(await screen.findByRole('heading', { name: 'شناسهٔ کالا نادرست است' })).toBeTruthy();
    expect(requests).toBe(0);
    server.events.removeAllListeners();
  });
});
