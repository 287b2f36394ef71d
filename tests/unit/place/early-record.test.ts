import { afterEach, describe, expect, it } from 'vitest';
import { useApi } from '../../../src/api/app-client.ts';
import { createApiClient } from '../../../src/api/client.ts';
import {
  askEarlyForPlace,
  earlyRecordShown,
  recordShown,
  takeEarlyRecord,
} from '../../../src/features/place/early-record.ts';
import { locationRecord, SHOP_GLN } from './location-fixture.ts';

// The shell's early request for a shop page's record: which addresses start one, and how the
// page takes it. The requests go to a recording fetch in place of the service.
function recording() {
  const urls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(new URL(String(input), 'http://test.local'), init);
    urls.push(`${new URL(req.url).pathname} ${req.cache}`);
    return new Response(JSON.stringify(locationRecord()), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ETag: '"v1"' },
    });
  };
  useApi(createApiClient({ fetch }));
  return urls;
}

afterEach(() => {
  takeEarlyRecord('', undefined);
  useApi(undefined);
});

describe('the early record request', () => {
  it('starts on a shop page, bypassing the HTTP cache, and is given to that page once', async () => {
    const urls = recording();
    askEarlyForPlace(`/place/${SHOP_GLN}`);
    expect(urls).toEqual([`/api/v1/locations/${SHOP_GLN} no-cache`]);
    const taken = takeEarlyRecord(SHOP_GLN, undefined);
    expect(await taken).toMatchObject({ status: 'ok', record: { gln: SHOP_GLN }, etag: '"v1"' });
    // A retry on the page asks the service afresh.
    expect(takeEarlyRecord(SHOP_GLN, undefined)).toBeUndefined();
  });

  it('carries the AI 254 extension, and is not given for another location', async () => {
    const urls = recording();
    askEarlyForPlace(`/place/${SHOP_GLN}/A%201`);
    expect(urls).toEqual([`/api/v1/locations/${SHOP_GLN}/A%201 no-cache`]);
    expect(takeEarlyRecord(SHOP_GLN, undefined)).toBeUndefined();
  });

  it('starts nothing elsewhere, nor for a GLN the page itself must check and explain', () => {
    const urls = recording();
    for (const path of [
      '/',
      '/history',
      `/licence/${SHOP_GLN}`,
      '/place/6260000000018', // wrong check digit
      '/place/۶۲۶۰۰۰۰۰۰۰۰۱۹', // Persian digits: the page normalises and shows them
      `/place/${SHOP_GLN}/A1/extra`,
    ])
      askEarlyForPlace(path);
    expect(urls).toEqual([]);
  });

  it('holds back what waits for the shop page until the page has shown the early answer', async () => {
    recording();
    askEarlyForPlace(`/place/${SHOP_GLN}`);
    let done = false;
    const waiting = earlyRecordShown().then(() => {
      done = true;
    });
    await takeEarlyRecord(SHOP_GLN, undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    recordShown();
    await waiting;
    expect(done).toBe(true);
  });
});
