import { describe, expect, it } from 'vitest';
import type { ReadResult } from 'zxing-wasm/reader';
import { hitFromResult } from '../../../src/scanner/decode-hit.ts';
import { photoScales } from '../../../src/scanner/photo-scales.ts';
import {
  DEEP_OPTIONS,
  EFFORT_CYCLE,
  effortForFrame,
  FAST_OPTIONS,
  FULL_OPTIONS,
} from '../../../src/scanner/reader-options.ts';

describe('reader options', () => {
  it('keeps fast frames to one upright, dark-on-light pass', () => {
    expect(FAST_OPTIONS).toMatchObject({
      tryHarder: false,
      tryRotate: false,
      tryInvert: false,
      maxNumberOfSymbols: 1,
    });
  });

  it('looks for the plate and for the product symbologies on every frame', () => {
    for (const options of [FAST_OPTIONS, FULL_OPTIONS]) {
      expect(options.formats).toEqual(
        expect.arrayContaining([
          'QRCode',
          'DataMatrix',
          'EAN13',
          'EAN8',
          'UPCA',
          'UPCE',
          'Code128',
          'DataBar',
          'DataBarExp',
        ]),
      );
    }
  });

  it('gives the deep pass only the 2D codes, already thresholded', () => {
    expect(DEEP_OPTIONS).toMatchObject({
      formats: ['QRCode', 'DataMatrix'],
      binarizer: 'FixedThreshold',
      tryInvert: true,
    });
  });

  it('reads inverted and rotated codes on full-effort frames', () => {
    expect(FULL_OPTIONS).toMatchObject({
      tryHarder: true,
      tryRotate: true,
      tryInvert: true,
      tryDownscale: true,
    });
  });

  it('keeps GS separators by asking for plain text, not the human-readable form', () => {
    for (const options of [FAST_OPTIONS, FULL_OPTIONS, DEEP_OPTIONS]) expect(options.textMode).toBe('Plain');
  });

  it('makes every 4th frame a thorough one: full effort and the two deep passes in turn', () => {
    expect([0, 1, 2, 3, 4, 7, 11, 15, 19].map((i) => effortForFrame(i))).toEqual([
      'fast',
      'fast',
      'fast',
      'full',
      'fast',
      'deep-fine',
      'full',
      'deep-smooth',
      'full',
    ]);
  });

  it('lists every effort the schedule gives, so the benchmark measures them all', () => {
    const given = new Set(Array.from({ length: 64 }, (_, i) => effortForFrame(i)));
    expect(new Set(EFFORT_CYCLE)).toEqual(given);
  });
});

describe('decode hit', () => {
  const result = (over: Partial<ReadResult>) =>
    ({
      isValid: true,
      text: '',
      symbologyIdentifier: ']Q1',
      contentType: 'Text',
      bytes: new Uint8Array(),
      isInverted: false,
      ...over,
    }) as ReadResult;

  it('prefixes the symbology identifier so classify sees a GS1 QR as such', () => {
    const hit = hitFromResult(
      result({
        text: '10ABC\u001d4146260000000019',
        symbologyIdentifier: ']Q3',
        contentType: 'GS1',
        isInverted: true,
      }),
    );
    expect(hit).toMatchObject({ text: ']Q310ABC\u001d4146260000000019', isGS1: true, inverted: true });
  });

  it('ignores invalid results', () => {
    expect(hitFromResult(result({ isValid: false }))).toBeNull();
  });
});

describe('photo scales', () => {
  it('tries a camera-sized copy of a 12 MP photo first and the full size last', () => {
    expect(photoScales(4000, 3000)).toEqual([
      { width: 1280, height: 960 },
      { width: 2048, height: 1536 },
      { width: 800, height: 600 },
      { width: 4000, height: 3000 },
    ]);
  });

  it('never enlarges a small picture', () => {
    expect(photoScales(600, 400)).toEqual([{ width: 600, height: 400 }]);
  });
});
