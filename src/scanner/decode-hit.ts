import type { ReadResult } from 'zxing-wasm/reader';
import type { DecodeHit } from './messages.ts';

// zxing's result to the app's hit. Pure: shared by the worker and the benchmark.

export function hitFromResult(result: ReadResult): DecodeHit | null {
  if (!result.isValid) return null;
  const symbologyIdentifier = result.symbologyIdentifier ?? '';
  const isGS1 = result.contentType === 'GS1' || symbologyIdentifier === ']Q3';
  return {
    text: symbologyIdentifier + result.text,
    symbologyIdentifier,
    isGS1,
    bytes: result.bytes,
    inverted: result.isInverted,
    source: 'worker',
  };
}

/** The content without its symbology identifier (what a person would call "the text"). */
export function contentOf(hit: Pick<DecodeHit, 'text' | 'symbologyIdentifier'>): string {
  return hit.text.slice(hit.symbologyIdentifier.length);
}
