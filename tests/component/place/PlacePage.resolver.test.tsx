import { screen, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.ts';
import { COMPLAINT_LINK_TYPE, GS1_VOC, type Linkset } from '../../../src/api/index.ts';
import { db } from '../../../src/db/database.ts';
import { getLinkset, getPlace } from '../../../src/db/places.ts';
import { locationRecord, SHOP_GLN } from '../../unit/place/location-fixture.ts';
import { API, server, testClient, useMsw } from './msw.ts';
import { countsNone, renderAt } from './render-page.tsx';

// The shop page as a client of any GS1-conformant resolver, here one on another origin.
const RESOLVER = 'http://registry.test';
const resolver = () => createApiClient({ baseUrl: RESOLVER, timeoutMs: 2000 });
const render = (url: string) => renderAt(url, testClient(), resolver());

useMsw();
beforeEach(async () => {
  await db().places.clear();
});

/** A linkset as a third-party registry might answer it: titles in its own words, its own links. */
function foreignLinkset(over: Record<string, unknown> = {}): Linkset {
  return {
    linkset: [
      {
        anchor: `${RESOLVER}/414/${SHOP_GLN}`,
        itemDescription: 'نانوایی سنگکی بهار',
        [`${GS1_VOC}defaultLink`]: [{ href: 'https://registry.test/shops/19', title: 'صفحه واحد' }],
        [`${GS1_VOC}registryEntry`]: [
          { href: 'https://registry.test/api/shops/19', title: 'رکورد ثبت', type: 'application/json' },
        ],
        [`${GS1_VOC}verificationService`]: [
          { href: 'https://registry.test/verify/19', title: 'استعلام اصالت پروانه', type: 'text/html' },
        ],
        [COMPLAINT_LINK_TYPE]: [
          { href: 'https://registry.test/complain/19', title: 'ثبت شکایت در سامانه ثبت', type: 'text/html' },
        ],
        [`${GS1_VOC}locationInfo`]: [
          { href: 'javascript:alert(1)', title: 'پیوند ناامن' },
          { href: 'https://maps.test/?q=19', title: 'نقشه', type: 'text/html' },
        ],
        ...over,
      },
    ],
  };
}

const linksetAnswer = (body: Parameters<typeof HttpResponse.json>[0], seen?: (req: Request) => void) =>
  http.get(`${RESOLVER}/414/:gln`, ({ request }) => {
    seen?.(request);
    return HttpResponse.json(body, { headers: { 'Content-Type': 'application/linkset+json' } });
  });

describe('shop page through a GS1 resolver that is not ours', () => {
  it('asks for the linkset ("linkType=linkset", RFC 9264 media type) and shows what it offers', async () => {
    let asked: Request | undefined;
    server.use(
      linksetAnswer(foreignLinkset(), (r) => {
        asked = r;
      }),
      // The registry entry is in the other registry's own format: not ours.
      http.get('https://registry.test/api/shops/19', () => HttpResponse.json({ id: 19, title: 'x' })),
    );
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'نانوایی سنگکی بهار' })).toBeTruthy();
    expect(new URL(asked!.url).searchParams.get('linkType')).toBe('linkset');
    expect(asked!.headers.get('accept')).toContain('application/linkset+json');

    const complain = screen.getByRole('link', { name: 'ثبت شکایت در سامانه ثبت' });
    expect(complain.getAttribute('href')).toBe('https://registry.test/complain/19');
    expect(complain.getAttribute('rel')).toBe('external noopener noreferrer');
    const verify = screen.getByRole('link', { name: 'استعلام اصالت پروانه' });
    expect(verify.getAttribute('href')).toBe('https://registry.test/verify/19');

    const list = screen.getByRole('list');
    const map = within(list).getByRole('link', { name: 'نقشه' });
    expect(map.closest('li')?.textContent).toContain('gs1:locationInfo · text/html');
    expect(within(list).queryByRole('link', { name: 'پیوند ناامن' })).toBeNull();

    const saved = await getLinkset(SHOP_GLN);
    expect(saved?.linkset.linkset[0]?.itemDescription).toBe('نانوایی سنگکی بهار');
    expect(await getPlace(SHOP_GLN)).toBeUndefined();
  });

  it('names the place from the default link title when there is no item description', async () => {
    const linkset = foreignLinkset({ itemDescription: undefined });
    delete (linkset.linkset[0] as Record<string, unknown>).itemDescription;
    server.use(
      linksetAnswer(linkset),
      http.get('https://registry.test/api/shops/19', () => HttpResponse.json([], { status: 404 })),
    );
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'صفحه واحد' })).toBeTruthy();
  });

  it('follows gs1:registryEntry (application/json) to the full record when it is our format', async () => {
    const record = locationRecord();
    const linkset = foreignLinkset({
      itemDescription: 'نام دیگر',
      [`${GS1_VOC}registryEntry`]: [
        { href: `${API}/api/v1/locations/${SHOP_GLN}`, title: 'رکورد', type: 'application/json' },
        { href: `${API}/place/${SHOP_GLN}`, title: 'صفحه', type: 'text/html' },
      ],
    });
    server.use(
      linksetAnswer(linkset),
      http.get(`${API}/api/v1/locations/:gln`, () =>
        HttpResponse.json(record, { headers: { ETag: '"v1"' } }),
      ),
      countsNone(SHOP_GLN),
    );
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: record.name })).toBeTruthy();
    // The full record's page: our own complaint form, not the registry's links.
    expect(screen.getByRole('link', { name: 'ثبت شکایت از این واحد' }).getAttribute('href')).toBe(
      `/complaints/new/${SHOP_GLN}`,
    );
    const saved = await getPlace(SHOP_GLN);
    expect(saved?.record.name).toBe(record.name);
    expect((await getLinkset(SHOP_GLN))?.linkset.linkset[0]?.itemDescription).toBe('نام دیگر');
  });

  it('shows the saved record when our registry entry fails for a moment after a fresh linkset', async () => {
    const record = locationRecord();
    const linkset = foreignLinkset({
      [`${GS1_VOC}registryEntry`]: [
        { href: `${API}/api/v1/locations/${SHOP_GLN}`, title: 'رکورد', type: 'application/json' },
      ],
    });
    server.use(
      linksetAnswer(linkset),
      http.get(`${API}/api/v1/locations/:gln`, () => HttpResponse.json(record)),
      countsNone(SHOP_GLN),
    );
    const first = render(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1, name: record.name });
    first.unmount();

    server.use(http.get(`${API}/api/v1/locations/:gln`, () => HttpResponse.json([], { status: 503 })));
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: record.name })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'نسخه ذخیره‌شده' })).toBeTruthy();
  });

  it('takes a registry entry that only looks like ours for a different GLN as not ours', async () => {
    const other = locationRecord({ gln: '6260000000026' });
    const linkset = foreignLinkset({
      [`${GS1_VOC}registryEntry`]: [{ href: `${API}/x`, title: 'رکورد', type: 'application/json' }],
    });
    server.use(
      linksetAnswer(linkset),
      http.get(`${API}/x`, () => HttpResponse.json(other)),
    );
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'نانوایی سنگکی بهار' })).toBeTruthy();
  });

  it('says an unknown GLN is unknown when the resolver answers 404', async () => {
    server.use(http.get(`${RESOLVER}/414/:gln`, () => HttpResponse.json([], { status: 404 })));
    render(`/place/${SHOP_GLN}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'این شناسه در ثبت پیدا نشد' })).toBeTruthy();
  });

  it('refuses an answer that is not a linkset, offering a retry', async () => {
    server.use(linksetAnswer({ hello: 'world' }));
    render(`/place/${SHOP_GLN}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'تلاش دوباره' })).toBeTruthy();
  });

  it('offline, shows the saved linkset with its age', async () => {
    server.use(
      linksetAnswer(foreignLinkset()),
      http.get('https://registry.test/api/shops/19', () => HttpResponse.json({ id: 19 })),
    );
    const first = render(`/place/${SHOP_GLN}`);
    await screen.findByRole('heading', { level: 1, name: 'نانوایی سنگکی بهار' });
    first.unmount();

    server.use(http.get(`${RESOLVER}/414/:gln`, () => HttpResponse.error()));
    render(`/place/${SHOP_GLN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'نانوایی سنگکی بهار' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'نسخه ذخیره‌شده' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ثبت شکایت در سامانه ثبت' })).toBeTruthy();
  });
});
