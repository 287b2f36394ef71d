import { describe, expect, it } from 'vitest';
import { digitalLinkToPlacePath } from '../../../src/app/dl-path.ts';

describe('a Digital Link path reaching the service worker', () => {
  it('opens the shop page for /414/{gln}', () => {
    expect(digitalLinkToPlacePath('/414/6260000000019')).toBe('/place/6260000000019');
  });

  it('keeps the AI 254 extension as the sub-location', () => {
    expect(digitalLinkToPlacePath('/414/6260000000019/254/A12')).toBe('/place/6260000000019/A12');
  });

  it('tolerates a path prefix and a trailing slash', () => {
    expect(digitalLinkToPlacePath('/plates/v1/414/6260000000019/')).toBe('/place/6260000000019');
  });

  it('leaves other paths to the network', () => {
    expect(digitalLinkToPlacePath('/01/09520123456788')).toBeNull();
    expect(digitalLinkToPlacePath('/414/626000000001')).toBeNull();
    expect(digitalLinkToPlacePath('/history')).toBeNull();
  });
});
