// The GS1 core: pure functions over strings, the same in the page, a worker, the server and Node.

export { checkElement } from './ai-format.ts';
export { type AiDefinition, aiDefinition } from './ai-table.ts';
export { buildDigitalLink, formatElementString, type Gs1Data } from './build.ts';
export { gs1CheckDigit, hasValidCheckDigit, isValidGln, normaliseTypedGln } from './check-digit.ts';
export { classify } from './classify.ts';
export { gs1DateToIso } from './dates.ts';
export { parseDigitalLink } from './digital-link.ts';
export { expandUpcE } from './ean-upc.ts';
export { GS, parseElementString } from './element-string.ts';
export { isKeyQualifier, isPrimaryKey } from './key-structure.ts';
export { messageFor } from './messages.ts';
export type { Gs1Element, Gs1Error, Gs1ErrorCode, Gs1Parse, ScanKind } from './types.ts';
