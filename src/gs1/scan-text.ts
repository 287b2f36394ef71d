// What a scanner hands over: an optional symbology identifier (ISO/IEC 15424: `]`, a letter for
// the symbology, a modifier) and stray whitespace. zxing-wasm reports the identifier;
// BarcodeDetector drops it.
//
// The identifiers of the GS1 data carriers, from the General Specifications' table of symbology
// identifiers (section 5, "Symbology identifiers"):
//   ]E0  EAN-13, UPC-A or UPC-E          ]E4  EAN-8
//   ]E1  two-digit add-on alone          ]E2  five-digit add-on alone
//   ]E3  EAN-13, UPC-A or UPC-E with its add-on
//   ]I1  ITF-14 (check digit verified and transmitted)
//   ]C1  GS1-128                         ]e0  GS1 DataBar (and GS1 Composite)
//   ]d2  GS1 DataMatrix                  ]Q3  GS1 QR Code            ]J1  GS1 DotCode
// Every other identifier (]Q1 QR Code and ]d1 Data Matrix carrying a GS1 Digital Link URI, ]C0
// plain Code 128, ...) marks plain data.

export type ScanText = {
  /** The identifier, e.g. `]Q3`, or '' when absent. */
  symbology: string;
  data: string;
};

/** How the data after an identifier is to be read. */
export type Carrier =
  /** A GS1 element string: FNC1 in first position, AIs, GS separators. */
  | 'element-string'
  /** The digits of a GTIN from EAN/UPC, possibly followed by an add-on (]E3). */
  | 'ean-upc'
  /** An EAN/UPC add-on read alone: two or five digits, not an identification key. */
  | 'add-on'
  /** ITF-14: the 14 digits of a GTIN. */
  | 'itf-14'
  /** Anything else: a Digital Link URI, a URL, text; or unknown when there is no identifier. */
  | 'plain';

const CARRIERS: Readonly<Record<string, Carrier>> = {
  ']E0': 'ean-upc',
  ']E3': 'ean-upc',
  ']E4': 'ean-upc',
  ']E1': 'add-on',
  ']E2': 'add-on',
  ']I1': 'itf-14',
  ']C1': 'element-string',
  ']e0': 'element-string',
  ']d2': 'element-string',
  ']Q3': 'element-string',
  ']J1': 'element-string',
};

export function splitSymbology(text: string): ScanText {
  // Only line breaks and spaces around the text: the GS separator (ASCII 29) is data.
  const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  const match = /^\][A-Za-z][0-9A-Za-z]/.exec(trimmed);
  if (!match) return { symbology: '', data: trimmed };
  return { symbology: match[0], data: trimmed.slice(3) };
}

export function carrierOf(symbology: string): Carrier {
  return CARRIERS[symbology] ?? 'plain';
}

/** The identifiers whose data is a GS1 element string. */
export const ELEMENT_STRING_IDS: readonly string[] = Object.keys(CARRIERS).filter(
  (id) => CARRIERS[id] === 'element-string',
);
