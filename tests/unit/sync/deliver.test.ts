import { describe, expect, it } from 'vitest';
import type { ServiceRequestInput } from '../../../src/api/index.ts';
import { withMedia } from '../../../src/sync/deliver.ts';

// The complaint request as the outbox sends it, once its photos are stored.

const input: ServiceRequestInput = {
  service_code: 'overpricing',
  address_id: '6260000000019',
  description: 'قیمت بالاتر از برچسب',
  device_id: '3b1f6a52-1c1e-4c8e-9d5e-0a4f2b7c9e11',
};

describe('withMedia', () => {
  it('lists every photo in media_urls and the first in media_url, leaving the description alone', () => {
    const urls = ['/api/v1/media/a.jpg', '/api/v1/media/b.png', '/api/v1/media/c.webp'];
    expect(withMedia(input, urls)).toEqual({ ...input, media_url: urls[0], media_urls: urls });
  });

  it('sends neither field without photos', () => {
    const sent = withMedia(input, []);
    expect(sent).toEqual(input);
    expect('media_url' in sent || 'media_urls' in sent).toBe(false);
  });

  it('replaces URLs left in the queued input by an earlier attempt', () => {
    const stale = { ...input, media_url: '/old.jpg', media_urls: ['/old.jpg'] };
    expect(withMedia(stale, ['/api/v1/media/new.jpg'])).toMatchObject({
      media_url: '/api/v1/media/new.jpg',
      media_urls: ['/api/v1/media/new.jpg'],
    });
    expect(withMedia(stale, [])).toEqual(input);
  });
});
