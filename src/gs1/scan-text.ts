// What a scanner hands over: optional symbology identifier (ISO/IEC 15424, `]` + letter + digit)
// and stray whitespace. zxing-wasm reports the identifier; BarcodeDetector drops it.

export type ScanText = {
  /** The identifier, e.g. `]Q3`, or '' when absent. */
  symbology: string;
  data: string;
};

/** Carriers whose data is a GS1 element string (FNC1 in first position). */
const GS1_CARRIERS = new Set([']Q3', ']d2', ']C1', ']e0', ']J1']);
/** EAN/UPC carriers: the data is the digits of a GTIN-8, -12 or -13. */
const EAN_UPC = new Set([']E0', ']E3', ']E4']);

export function splitSymbology(text: string): ScanText {
  // Only line breaks and spaces around the text: the GS separator (ASCII 29) is data.
  const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  const match = /^\][A-Za-z][0-9A-Za-z]/.exec(trimmed);
  if (!match) return { symbology: '', data: trimmed };
  return { symbology: match[0], data: trimmed.slice(3) };
}

export function isGs1Carrier(symbology: string): boolean {
  return GS1_CARRIERS.has(symbology);
}

export function isEanUpc(symbology: string): boolean {
  return EAN_UPC.has(symbology);
}
