import { render } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { useApi } from '../../../src/api/app-client.ts';
import { createApiClient } from '../../../src/api/client.ts';
import type {
  ApiError,
  LocationComplaintCounts,
  LocationRecord,
  Service,
  ServiceDefinition,
  ServiceRequestCreated,
} from '../../../src/api/index.ts';
import { unreadReplies } from '../../../src/app/unread.ts';
import { KalaDb, useDb } from '../../../src/db/database.ts';
import NewComplaintPage from '../../../src/features/complaints/filing/NewComplaintPage.tsx';
import MissingPlatePage from '../../../src/features/complaints/missing-plate/MissingPlatePage.tsx';
import ComplaintDetailPage from '../../../src/features/complaints/tracking/ComplaintDetailPage.tsx';
import ComplaintsPage from '../../../src/features/complaints/tracking/ComplaintsPage.tsx';
import { cancelScheduledFlush, flushSettled } from '../../../src/sync/scheduler.ts';
import { startSync } from '../../../src/sync/start.ts';

export const API = 'http://api.test';
export const GLN = '6260000000019';
// happy-dom sends a CORS preflight before a cross-origin request with an Authorization header;
// the real service shares the app's origin, so the preflight is answered here once for all tests.
export const server = setupServer(
  http.options(
    `${API}/*`,
    () =>
      new HttpResponse(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': '*',
          'Access-Control-Allow-Methods': 'GET, POST',
        },
      }),
  ),
);

let n = 0;
const unhandled: string[] = [];
/** msw with unhandled requests as errors, a fresh database and client per test. */
export function useComplaintEnv(timeoutMs = 1500) {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    // The pages start background delivery once per app; start it here, against nothing, so each
    // test sees only the requests its own page makes.
    useApi(createApiClient({ baseUrl: API, fetch: () => Promise.reject(new TypeError('not yet')) }));
    startSync();
    // msw's 'error' strategy only logs under happy-dom's fetch; collect and fail the test instead.
    server.events.on('request:unhandled', ({ request }) =>
      unhandled.push(`${request.method} ${request.url}`),
    );
  });
  beforeEach(() => {
    useDb(new KalaDb(`complaints-${++n}`));
    useApi(createApiClient({ baseUrl: API, timeoutMs }));
    unreadReplies.value = 0;
    localStorage.clear();
  });
  afterEach(async () => {
    await flushSettled();
    const stray = unhandled.splice(0);
    expect(stray, 'requests no handler expected').toEqual([]);
    server.resetHandlers();
    cancelScheduledFlush();
    // Work left running by an unmounted page (a flush, a pull) must not reach the real network.
    useApi(createApiClient({ baseUrl: API, fetch: () => Promise.reject(new TypeError('test over')) }));
  });
  afterAll(() => server.close());
}

export function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/complaints" component={ComplaintsPage} />
        <Route path="/complaints/new/:gln" component={NewComplaintPage} />
        <Route path="/complaints/:id" component={ComplaintDetailPage} />
        <Route path="/report/missing-plate" component={MissingPlatePage} />
        <Route
          default
          component={() => <p data-testid="elsewhere">{location.pathname + location.search}</p>}
        />
      </Router>
    </LocationProvider>,
  );
}

const svc = (code: string, name: string, group: string, extra: Partial<Service> = {}): Service => ({
  service_code: code,
  service_name: name,
  description: `${name}.`,
  metadata: true,
  type: 'realtime',
  keywords: '',
  group,
  needs_location: false,
  ...extra,
});

export const services: Service[] = [
  svc('overpricing', 'گران‌فروشی', 'قیمت و وزن', {
    keywords: 'گران,قیمت',
    legal_basis: 'قانون نظام صنفی، ماده ۵۷',
  }),
  svc('short_weight', 'کم‌فروشی', 'قیمت و وزن'),
  svc('pos_name_mismatch', 'نام کارتخوان با فروشگاه مطابقت ندارد', 'شناسه و پلاک', {
    keywords: 'کارتخوان,پوز',
  }),
  svc('no_plate', 'نداشتن پلاک شناسهٔ مکان', 'شناسه و پلاک', { needs_location: true }),
];

export const overpricingDef: ServiceDefinition = {
  service_code: 'overpricing',
  attributes: [
    {
      variable: true,
      code: 'price_paid',
      datatype: 'number',
      required: true,
      datatype_description: 'عدد به ریال',
      order: 1,
      description: 'مبلغی که پرداخت کردید (ریال)',
    },
    {
      variable: true,
      code: 'product',
      datatype: 'string',
      required: false,
      datatype_description: 'متن کوتاه',
      order: 2,
      description: 'نام کالا یا خدمت',
    },
    {
      variable: true,
      code: 'purchase_time',
      datatype: 'datetime',
      required: false,
      datatype_description: 'تاریخ',
      order: 3,
      description: 'زمان خرید',
    },
    {
      variable: true,
      code: 'details',
      datatype: 'text',
      required: false,
      datatype_description: 'متن بلند',
      order: 4,
      description: 'شرح آنچه دیدید',
    },
    {
      variable: true,
      code: 'payment',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'یکی',
      order: 5,
      description: 'روش پرداخت',
      values: [
        { key: 'card', name: 'کارت' },
        { key: 'cash', name: 'نقد' },
      ],
    },
  ],
};

export const noPlateDef: ServiceDefinition = {
  service_code: 'no_plate',
  attributes: [
    {
      variable: true,
      code: 'shop_sign',
      datatype: 'string',
      required: false,
      datatype_description: 'متن کوتاه',
      order: 1,
      description: 'نام روی تابلوی مغازه',
    },
    {
      variable: true,
      code: 'guild_code',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: 'یکی از صنف‌ها',
      order: 2,
      description: 'صنف این مغازه',
      values: [
        { key: 'bakery', name: 'نانوایی' },
        { key: 'grocery', name: 'خواربارفروشی' },
      ],
    },
  ],
};

export const created: ServiceRequestCreated = {
  service_request_id: 'KBF-1001',
  access_token: 'secret-token',
  service_notice: 'شکایت شما به اتحادیه صنف خواربارفروشان تهران رسید؛ مهلت رسیدگی ۱۰ روز است.',
  expected_datetime: '2026-12-05T10:00:00+03:30',
  agency_responsible: 'اتحادیه صنف خواربارفروشان تهران',
};

export const noCounts: LocationComplaintCounts = { gln: GLN, open: 0, byCategory: [] };

/** The handlers a complaint form needs: categories, definitions, the shop record and counts. */
export function formHandlers(counts: LocationComplaintCounts = noCounts) {
  return [
    http.get(`${API}/open311/v2/services.json`, () => HttpResponse.json(services)),
    http.get(`${API}/open311/v2/services/:code.json`, ({ params }) =>
      params.code === 'no_plate'
        ? HttpResponse.json(noPlateDef)
        : HttpResponse.json({ ...overpricingDef, service_code: String(params.code) }),
    ),
    http.get(`${API}/api/v1/complaint-counts/:gln`, () => HttpResponse.json(counts)),
    http.get(`${API}/api/v1/locations/:gln`, ({ params }) =>
      params.gln === GLN
        ? HttpResponse.json({ gln: GLN, name: 'سوپرمارکت نمونه' } as LocationRecord)
        : HttpResponse.json([{ code: 'not-found', description: 'پیدا نشد' }] satisfies ApiError, {
            status: 404,
          }),
    ),
  ];
}
