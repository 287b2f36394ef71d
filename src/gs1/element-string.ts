// Parses GS1 element strings: what a GS1 QR, GS1 DataMatrix or GS1-128 decoder transmits (raw,
// FNC1 as ASCII 29), and the human-readable form with AIs in brackets.
// General Specifications 7.8 (processing of data from a GS1 symbol) and 7.8.5 (predefined-length
// AIs need no separator; every other AI is followed by FNC1 unless it ends the string).

import { checkAgainstFormat } from './ai-format.ts';
import { type AiDefinition, aiDefinition, leadingAi } from './ai-table.ts';
import { assembleElementString } from './key-structure.ts';
import { gs1Error } from './messages.ts';
import { ELEMENT_STRING_IDS } from './scan-text.ts';
import type { Gs1Element, Gs1Error, Gs1Parse } from './types.ts';

export const GS = '\u001d';

const fail = (error: Gs1Error): Gs1Parse => ({ ok: false, error });

function element(definition: AiDefinition, value: string): Gs1Element | Gs1Error {
  return checkAgainstFormat(definition, value) ?? { ai: definition.ai, value };
}

function parseRaw(data: string): Gs1Parse {
  const elements: Gs1Element[] = [];
  let pos = data.startsWith(GS) ? 1 : 0; // some decoders pass the leading FNC1 on as GS
  if (pos >= data.length) return fail(gs1Error('empty-value'));
  while (pos < data.length) {
    const rest = data.slice(pos);
    const definition = leadingAi(rest);
    if (!definition) {
      const digits = /^\d{2,4}/.exec(rest)?.[0];
      return fail(digits ? gs1Error('unknown-ai', digits) : gs1Error('bad-syntax'));
    }
    pos += definition.ai.length;
    let value: string;
    if (definition.predefined && definition.fixedLength !== undefined) {
      value = data.slice(pos, pos + definition.fixedLength);
      pos += value.length;
    } else {
      const end = data.indexOf(GS, pos);
      value = data.slice(pos, end < 0 ? data.length : end);
      pos += value.length;
    }
    const parsed = element(definition, value);
    if ('code' in parsed) return fail(parsed);
    elements.push(parsed);
    // A separator after a predefined-length AI or at the very end is superfluous but harmless
    // (GenSpecs 7.8.5); two in a row would delimit an empty element.
    if (data[pos] === GS) {
      pos++;
      if (data[pos] === GS) return fail(gs1Error('bad-syntax'));
    }
  }
  return assembleElementString(elements);
}

function parseBracketed(text: string): Gs1Parse {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < text.length) {
    const head = /^\((\d{2,4})\)/.exec(text.slice(pos));
    if (!head) return fail(gs1Error('bad-syntax'));
    const ai = head[1] ?? '';
    const definition = aiDefinition(ai);
    if (!definition) return fail(gs1Error('unknown-ai', ai));
    pos += head[0].length;
    // A literal "(" inside a value is written "\(" in the bracketed form.
    let value = '';
    while (pos < text.length && text[pos] !== '(') {
      if (text[pos] === '\\' && text[pos + 1] === '(') pos++;
      value += text[pos];
      pos++;
    }
    const parsed = element(definition, value);
    if ('code' in parsed) return fail(parsed);
    elements.push(parsed);
  }
  return elements.length ? assembleElementString(elements) : fail(gs1Error('bad-syntax'));
}

/**
 * Parses an element string: raw (optionally after a GS1 symbology identifier such as `]Q3`,
 * FNC1 separators as GS, ASCII 29) or bracketed (`(414)6260000000019(254)A12`).
 */
export function parseElementString(text: string): Gs1Parse {
  if (typeof text !== 'string' || text.length === 0) return fail(gs1Error('bad-syntax'));
  let data = text;
  if (data.startsWith(']')) {
    const id = ELEMENT_STRING_IDS.find((prefix) => data.startsWith(prefix));
    if (!id) return fail(gs1Error('bad-syntax'));
    data = data.slice(id.length);
  }
  if (data.startsWith('(')) return parseBracketed(data);
  return parseRaw(data);
}
