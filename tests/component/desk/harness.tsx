import { render } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { useApi } from '../../../src/api/app-client.ts';
import { createApiClient } from '../../../src/api/client.ts';
import type { DeskComplaint, DeskQueueItem, Service } from '../../../src/api/index.ts';
import ComplaintPage from '../../../src/features/desk/complaint/ComplaintPage.tsx';
import DashboardPage from '../../../src/features/desk/dashboard/DashboardPage.tsx';
import QueuePage from '../../../src/features/desk/queue/QueuePage.tsx';
import TemplatesPage from '../../../src/features/desk/templates/TemplatesPage.tsx';

// The desk's pages against msw: the wire shapes are the real ones (src/api), the service is not.

export const API = 'http://api.test';
export const server = setupServer();
const unhandled: string[] = [];

export function useDeskEnv() {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:unhandled', ({ request }) =>
      unhandled.push(`${request.method} ${request.url}`),
    );
  });
  beforeEach(() => {
    useApi(createApiClient({ baseUrl: API, timeoutMs: 2000 }));
    server.use(
      http.get(`${API}/open311/v2/services.json`, () => HttpResponse.json(services)),
      http.get(`${API}/open311/v2/services/:code.json`, () =>
        HttpResponse.json({
          service_code: 'overpricing',
          attributes: [
            {
              variable: true,
              code: 'price_paid',
              datatype: 'number',
              required: true,
              datatype_description: '',
              order: 1,
              description: 'مبلغی که پرداخت کردید (ریال)',
            },
          ],
        }),
      ),
    );
  });
  afterEach(() => {
    expect(unhandled.splice(0), 'requests no handler expected').toEqual([]);
    server.resetHandlers();
  });
  afterAll(() => server.close());
}

export function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/desk/queue" component={QueuePage} />
        <Route path="/desk/complaints/:id" component={ComplaintPage} />
        <Route path="/desk/dashboard" component={DashboardPage} />
        <Route path="/desk/templates" component={TemplatesPage} />
        <Route default component={() => <p data-testid="elsewhere">{location.pathname}</p>} />
      </Router>
    </LocationProvider>,
  );
}

const services: Service[] = [
  {
    service_code: 'overpricing',
    service_name: 'گران‌فروشی',
    description: '',
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: 'قیمت',
    needs_location: false,
  },
  {
    service_code: 'no_invoice',
    service_name: 'ندادن فاکتور',
    description: '',
    metadata: false,
    type: 'realtime',
    keywords: '',
    group: 'رفتار',
    needs_location: false,
  },
];

export const item = (over: Partial<DeskQueueItem> = {}): DeskQueueItem => ({
  id: 'K7M2P9QR',
  service_code: 'overpricing',
  service_name: 'گران‌فروشی',
  substatus: 'received',
  requested_datetime: '2026-11-25T08:00:00Z',
  expected_datetime: '2026-12-05T08:00:00Z',
  overdue: false,
  escalated: false,
  address_id: '6260000000019',
  location_name: 'فروشگاه نمونه',
  guild: '4711',
  county: 'تهران',
  photos: 1,
  supporters: 3,
  spam: false,
  ...over,
});

export const complaint = (over: Partial<DeskComplaint> = {}): DeskComplaint => ({
  item: item(),
  description: 'قیمت برنج بیشتر از برچسب بود.',
  media_urls: [`${API}/api/v1/media/a.jpg`],
  attribute: { price_paid: 150000 },
  enforcement_stage: 'none',
  notes: [
    { type: 'created', datetime: '2026-11-25T08:00:00Z', author: 'system', text: '', code: 'notice.union' },
  ],
  shop_complaints: [],
  moves: [
    'under_review',
    'hearing_scheduled',
    'violation_found',
    'no_violation',
    'not_our_jurisdiction',
    'duplicate',
  ],
  ...over,
});
