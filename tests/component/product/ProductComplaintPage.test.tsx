import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';
import type {
  NearbyResult,
  ProductRecord,
  ServiceRequestCreated,
  ServiceRequestInput,
} from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import ProductComplaintPage from '../../../src/features/product/ProductComplaintPage.tsx';
import { classify } from '../../../src/gs1/index.ts';
import { buildScanRecord } from '../../../src/scanner/record-scan.ts';
import {
  API,
  created,
  formHandlers,
  overpricingDef,
  server,
  useComplaintEnv,
} from '../complaints/harness.tsx';

useComplaintEnv();

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
  approvedPrice: { rials: 1_190_000, approvedAt: '2025-03-21', authority: 'سازمان حمایت' },
  licences: [],
  updatedAt: '2025-09-28T00:00:00.000Z',
};
const HERE = { lat: 35.70021, lng: 51.40123 };
const nearby: NearbyResult = {
  near: HERE,
  radius: 100,
  truncated: false,
  items: [
    {
      gln: '6260000000026',
      name: 'نانوایی سنگک بربری',
      guild: { code: '1071', name: 'نانوایی' },
      status: 'active',
      geo: HERE,
      address: 'تهران، خیابان انقلاب، پلاک ۱۲',
      distance: 12,
      trust: { level: 'good', score: 60 },
    },
  ],
};

afterEach(() => {
  Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
});

function handlers(onPost: (body: ServiceRequestInput) => void) {
  return [
    http.get(`${API}/api/v1/products/:gtin`, () => HttpResponse.json(oil, { headers: { ETag: '"p1"' } })),
    // The overpricing category as the service defines it: labelled_price beside price_paid and product.
    http.get(`${API}/open311/v2/services/overpricing.json`, () =>
      HttpResponse.json({
        ...overpricingDef,
        attributes: [
          ...overpricingDef.attributes,
          {
            variable: true,
            code: 'labelled_price',
            datatype: 'number',
            required: false,
            datatype_description: 'عدد به ریال',
            order: 6,
            description: 'قیمت درج‌شده روی کالا یا قیمت مصوب (ریال)',
          },
        ],
      }),
    ),
    ...formHandlers(),
    http.post(`${API}/open311/v2/requests.json`, async ({ request }) => {
      onPost((await request.json()) as ServiceRequestInput);
      return HttpResponse.json<ServiceRequestCreated[]>([created], { status: 201 });
    }),
    http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error()),
  ];
}

function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route
          path="/product/:gtin/complain"
          component={ProductComplaintPage}
          client={createApiClient({ baseUrl: API })}
        />
        <Route default component={() => <p>elsewhere</p>} />
      </Router>
    </LocationProvider>,
  );
}

async function fileWithPaid(paid: string) {
  fireEvent.input(await screen.findByLabelText(/چقدر پرداخت کردید/), { target: { value: paid } });
  fireEvent.click(screen.getByRole('button', { name: 'ادامه' }));
  const product = (await screen.findByLabelText(/نام کالا یا خدمت/)) as HTMLInputElement;
  expect(product.value).toContain(oil.name);
  expect((screen.getByLabelText(/قیمت درج‌شده روی کالا/) as HTMLInputElement).value).toBe('۱٬۱۹۰٬۰۰۰');
  fireEvent.click(screen.getByLabelText(/گواهی می‌کنم/));
  fireEvent.click(screen.getByRole('button', { name: 'بازبینی' }));
  fireEvent.click(await screen.findByRole('button', { name: 'ثبت و ارسال شکایت' }));
}

describe('"I paid more than this"', () => {
  it('files against the shop last scanned, with the product and its prices from the record', async () => {
    const plate = 'https://qr.example.ir/414/6260000000019';
    await db().scans.add({ ...buildScanRecord(plate, classify(plate), 1), name: 'سوپرمارکت نمونه' });
    let body: ServiceRequestInput | undefined;
    server.use(...handlers((b) => (body = b)));
    renderAt(`/product/${GTIN}/complain`);
    expect(await screen.findByText('فروشگاه: سوپرمارکت نمونه')).toBeTruthy();
    await fileWithPaid('۱٬۵۰۰٬۰۰۰');
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({
      service_code: 'overpricing',
      address_id: '6260000000019',
      attribute: { price_paid: 1_500_000, labelled_price: 1_190_000 },
    });
    expect(String(body!.attribute!.product)).toContain('6261003000020');
    expect(body!.description).toContain('۱٬۳۲۰٬۰۰۰ ریال');
  });

  it('with no shop scanned, files against one picked nearby', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      value: {
        getCurrentPosition: (ok: PositionCallback) =>
          ok({ coords: { latitude: HERE.lat, longitude: HERE.lng, accuracy: 20 } } as GeolocationPosition),
      },
      configurable: true,
    });
    let body: ServiceRequestInput | undefined;
    server.use(
      ...handlers((b) => (body = b)),
      http.get(`${API}/api/v1/locations`, () => HttpResponse.json(nearby)),
    );
    renderAt(`/product/${GTIN}/complain`);
    expect(await screen.findByText(/هنوز پلاک فروشگاهی را اسکن نکرده‌اید/)).toBeTruthy();
    expect(screen.queryByLabelText(/چقدر پرداخت کردید/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'فروشگاه دیگری در نزدیکی' }));
    fireEvent.click(await screen.findByRole('button', { name: /نانوایی سنگک بربری/ }));
    expect(await screen.findByText('فروشگاه: نانوایی سنگک بربری')).toBeTruthy();
    await fileWithPaid('1500000');
    await waitFor(() => expect(body?.address_id).toBe('6260000000026'));
  });

  it('asks for the price paid before going on', async () => {
    const plate = 'https://qr.example.ir/414/6260000000019';
    await db().scans.add(buildScanRecord(plate, classify(plate), 1));
    server.use(...handlers(() => {}));
    renderAt(`/product/${GTIN}/complain`);
    fireEvent.click(await screen.findByRole('button', { name: 'ادامه' }));
    expect(await screen.findByText('مبلغی را که پرداخت کردید به ریال بنویسید.')).toBeTruthy();
    expect(screen.queryByLabelText(/نام کالا یا خدمت/)).toBeNull();
  });
});
