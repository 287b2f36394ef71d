import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../../../src/features/complaints/filing/strip-photo.ts';

describe('photo resize', () => {
  it('fits the longer edge within 2048 px, keeping the aspect ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1536, height: 2048 });
  });
  it('never upscales a small photo', () => {
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });
});
