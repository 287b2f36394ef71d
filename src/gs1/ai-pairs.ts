// Which AIs may, and which must, stand together in one message: the General Specifications'
// "invalid pairs of element strings" and "mandatory association of element strings", as the
// GS1 Barcode Syntax Dictionary restates them in its `ex=` and `req=` attributes (see ai-table.ts).
// The same rules hold for an element string and for the elements of a Digital Link URI: both are
// the same AI data, written two ways.
import { aiDefinition, matchesAiPattern } from './ai-table.ts';
import { gs1Error } from './messages.ts';
import type { Gs1Element, Gs1Error } from './types.ts';

// AI 8030 (digital signature) may only accompany a key that identifies one instance: its `req=`
// names the serialised keys, and the GDTI, GCN and GRAI must carry their optional serial
// component beside it (GS1 Barcode Syntax Engine, validateDigSigRequiresSerialisedKey tests). Each entry: the AI and the length of its value without that component.
const UNSERIALISED_LENGTH: Readonly<Record<string, number>> = { '253': 13, '255': 13, '8003': 14 };

const present = (ais: readonly string[], pattern: string, own: string) =>
  ais.some((ai) => ai !== own && matchesAiPattern(ai, pattern));

/**
 * Null when `elements` (already free of conflicting repeats) respect every `ex=` and `req=` of
 * the Syntax Dictionary and the serial rule of AI 8030.
 */
export function checkPairs(elements: readonly Gs1Element[]): Gs1Error | null {
  const ais = elements.map((e) => e.ai);
  for (const ai of ais) {
    const definition = aiDefinition(ai);
    if (!definition) continue;
    // "An AI is not exclusive of itself even if it matches a pattern" (Syntax Dictionary, ex=).
    if (definition.excludes.some((pattern) => present(ais, pattern, ai))) {
      return gs1Error('mutually-exclusive', ai);
    }
    for (const alternatives of definition.requires) {
      const met = alternatives.some((all) => all.every((pattern) => present(ais, pattern, ai)));
      if (!met) return gs1Error('missing-requisite', ai);
    }
  }
  if (ais.includes('8030')) {
    for (const element of elements) {
      if (UNSERIALISED_LENGTH[element.ai] === element.value.length) {
        return gs1Error('missing-requisite', element.ai);
      }
    }
  }
  return null;
}
