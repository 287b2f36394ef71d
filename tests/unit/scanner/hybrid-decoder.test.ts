import { describe, expect, it } from 'vitest';
import { createHybridDecoder } from '../../../src/scanner/hybrid-decoder.ts';
import type { DecodeHit, Effort } from '../../../src/scanner/messages.ts';

type Frame = { id: number };

const workerHit = (text: string): DecodeHit => ({
  text,
  symbologyIdentifier: text.slice(0, 3),
  isGS1: text.startsWith(']Q3'),
  bytes: new Uint8Array(),
  inverted: false,
  source: 'worker',
});

/** A platform detector that reads `format` (a QR code unless told) with the text `detect` gives. */
function setup(
  detect: ((f: Frame) => Promise<string | null>) | null,
  workerResult: DecodeHit | null = null,
  format = 'qr_code',
) {
  const workerCalls: Effort[] = [];
  const released: Frame[] = [];
  const native = detect
    ? async (f: Frame) => {
        const text = await detect(f);
        return text === null ? null : { text, format };
      }
    : null;
  const decoder = createHybridDecoder<Frame>({
    native,
    worker: async (_f, effort) => {
      workerCalls.push(effort);
      return workerResult;
    },
    release: (f) => released.push(f),
  });
  return { decoder, workerCalls, released };
}

describe('hybrid decoder', () => {
  it('uses the native detector for fast frames and frees the frame', async () => {
    const { decoder, workerCalls, released } = setup(async () => 'https://qr.example.ir/414/6260000000019');
    const hit = await decoder.decode({ id: 1 }, 'fast');
    expect(hit?.text).toBe('https://qr.example.ir/414/6260000000019');
    expect(hit?.source).toBe('native');
    expect(workerCalls).toEqual([]);
    expect(released).toEqual([{ id: 1 }]);
  });

  it('sends thorough frames to the worker even where native exists (inverted, small blurred plates)', async () => {
    let nativeCalls = 0;
    const { decoder, workerCalls } = setup(async () => {
      nativeCalls++;
      return null;
    });
    await decoder.decode({ id: 1 }, 'full');
    await decoder.decode({ id: 2 }, 'deep-fine');
    await decoder.decode({ id: 3 }, 'deep-smooth');
    expect(nativeCalls).toBe(0);
    expect(workerCalls).toEqual(['full', 'deep-fine', 'deep-smooth']);
  });

  it('falls back to the worker for good after the native detector throws once', async () => {
    let nativeCalls = 0;
    const { decoder, workerCalls } = setup(async () => {
      nativeCalls++;
      throw new DOMException('Barcode detection service unavailable', 'NotSupportedError');
    }, workerHit(']Q1https://qr.example.ir/414/6260000000019'));
    const first = await decoder.decode({ id: 1 }, 'fast');
    expect(first?.source).toBe('worker');
    expect(decoder.usingNative).toBe(false);
    await decoder.decode({ id: 2 }, 'fast');
    await decoder.decode({ id: 3 }, 'fast');
    expect(nativeCalls).toBe(1);
    expect(workerCalls).toEqual(['fast', 'fast', 'fast']);
  });

  it('re-decodes a raw element string in the worker to keep ]Q3 and the GS separators', async () => {
    const { decoder, workerCalls, released } = setup(
      async () => '4146260000000019254A12',
      workerHit(']Q34146260000000019254A12'),
    );
    const hit = await decoder.decode({ id: 1 }, 'fast');
    expect(hit?.text).toBe(']Q34146260000000019254A12');
    expect(workerCalls).toEqual(['full']);
    expect(released).toEqual([]); // the worker owns the frame now
  });

  it('keeps the native text when the worker cannot read that frame', async () => {
    const { decoder } = setup(async () => 'TEXT ONLY', null);
    const hit = await decoder.decode({ id: 1 }, 'fast');
    expect(hit?.text).toBe('TEXT ONLY');
    expect(hit?.source).toBe('native');
  });

  it('re-reads a product the platform found in the worker, for its ]E0 identifier', async () => {
    const { decoder, workerCalls } = setup(
      async () => '6260000123459',
      workerHit(']E06260000123459'),
      'ean_13',
    );
    expect((await decoder.decode({ id: 1 }, 'fast'))?.text).toBe(']E06260000123459');
    expect(workerCalls).toEqual(['full']);
  });

  it('hands on no bare product digits when the worker cannot read the frame: the loop goes on', async () => {
    const { decoder } = setup(async () => '6260000123459', null, 'ean_13');
    expect(await decoder.decode({ id: 1 }, 'fast')).toBeNull();
  });

  it('uses only the worker where there is no native detector', async () => {
    const { decoder, workerCalls } = setup(null);
    await decoder.decode({ id: 1 }, 'fast');
    await decoder.decode({ id: 2 }, 'full');
    expect(workerCalls).toEqual(['fast', 'full']);
    expect(decoder.usingNative).toBe(false);
  });
});
