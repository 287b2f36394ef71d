import { describe, expect, it } from 'vitest';
import { isServicePath, paths, SERVICE_PATH_PATTERNS } from '../../../src/api/paths.ts';
import { digitalLinkToPlacePath } from '../../../src/app/dl-path.ts';

describe('app paths', () => {
  it('builds the shop page for a GLN and its AI 254 extension, encoding the extension once', () => {
    expect(paths.place('6260000000019')).toBe('/place/6260000000019');
    expect(paths.place('6260000000019', 'E/1')).toBe('/place/6260000000019/E%2F1');
    expect(digitalLinkToPlacePath('/414/6260000000019/254/E%2F1')).toBe('/place/6260000000019/E%2F1');
  });

  it('leaves unset query parameters out and keeps the order given', () => {
    expect(paths.newComplaint('6260000000019')).toBe('/complaints/new/6260000000019');
    expect(paths.newComplaint('6260000000019', { draft: 'd1', ext: 'E1' })).toBe(
      '/complaints/new/6260000000019?draft=d1&ext=E1',
    );
    expect(paths.missingPlate({ gln: '6260000000019', reason: 'misplaced' })).toBe(
      '/report/missing-plate?gln=6260000000019&reason=misplaced',
    );
    expect(paths.missingPlate({ reason: undefined })).toBe('/report/missing-plate');
  });
});

describe("the service's own prefixes", () => {
  it('claims each prefix and what is under it, and nothing that merely starts the same', () => {
    for (const p of [
      '/api/v1/locations/1',
      '/open311/v2/services.json',
      '/414/6260000000019',
      '/.well-known/gs1resolver',
      '/demo/plates',
      '/api/v1/desk/queue',
    ])
      expect(isServicePath(p), p).toBe(true);
    for (const p of ['/', '/scan', '/place/6260000000019', '/unions', '/apiary', '/complaints'])
      expect(isServicePath(p), p).toBe(false);
  });

  it("gives the service worker patterns that agree with the server's list", () => {
    const denied = (url: string) => SERVICE_PATH_PATTERNS.some((re) => re.test(url));
    for (const p of [
      '/api/v1/desk/queue?view=triage',
      '/api/v1/media/a.jpg',
      '/.well-known/gs1resolver',
      '/414/6260000000019',
    ])
      expect(denied(p), p).toBe(true);
    for (const p of ['/unions', '/scan?shared=1', '/place/6260000000019', '/x.well-known'])
      expect(denied(p), p).toBe(false);
  });
});
