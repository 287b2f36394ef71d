import { render } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { ApiClient } from '../../../src/api/client.ts';
import type {
  ApiError,
  LicenceRecord,
  LocationComplaintCounts,
  LocationRecord,
} from '../../../src/api/index.ts';
import LicencePage from '../../../src/features/place/LicencePage.tsx';
import PlacePage from '../../../src/features/place/PlacePage.tsx';
import { API, testClient } from './msw.ts';

/** Renders the app's two routes of this journey at `url`, the way the app's router does. */
export function renderAt(url: string, client: ApiClient = testClient(), resolver?: ApiClient) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/place/:gln/:ext?" component={PlacePage} client={client} resolver={resolver} />
        <Route path="/licence/:id" component={LicencePage} client={client} />
      </Router>
    </LocationProvider>,
  );
}

const notFound: ApiError = [{ code: 'not-found', description: 'پیدا نشد' }];

/** The record for its GLN; with an extension, the record as the service answers it (it walks up). */
export const locationOk = (record: LocationRecord, etag = '"v1"') => [
  http.get(`${API}/api/v1/locations/:gln`, ({ params }) =>
    params.gln === record.gln
      ? HttpResponse.json(record, { headers: { ETag: etag } })
      : HttpResponse.json(notFound, { status: 404 }),
  ),
  http.get(`${API}/api/v1/locations/:gln/:ext`, ({ params }) => {
    if (params.ext === 'complaints') return undefined; // the counts route, handled apart
    return params.gln === record.gln
      ? HttpResponse.json(record, { headers: { ETag: etag } })
      : HttpResponse.json(notFound, { status: 404 });
  }),
];

export const locationError = (status: number, errors: ApiError) =>
  http.get(`${API}/api/v1/locations/:gln`, () => HttpResponse.json(errors, { status }));

export const countsOk = (counts: LocationComplaintCounts) =>
  http.get(`${API}/api/v1/complaint-counts/:gln`, () => HttpResponse.json(counts));

export const countsNone = (gln: string) => countsOk({ gln, open: 0, byCategory: [] });

export const licenceOk = (licence: LicenceRecord) =>
  http.get(`${API}/api/v1/licenses/:id`, () => HttpResponse.json(licence));
