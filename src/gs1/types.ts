// Public shapes of the GS1 core. Pure data: no browser, app or Node imports.

export type Gs1Element = { ai: string; value: string };

/** Stable machine codes; the app words them from its locales, `message` is for logs. */
export type Gs1ErrorCode =
  | 'bad-check-digit'
  | 'bad-length'
  | 'bad-character'
  | 'unknown-ai'
  | 'no-primary-key'
  | 'bad-qualifier'
  | 'bad-attribute'
  | 'duplicate-ai'
  | 'empty-value'
  | 'bad-syntax'
  | 'bad-scheme'
  | 'compressed-uri'
  /** A value has the right characters and length but breaks a content rule (a date, ...). */
  | 'bad-value'
  /** An element needs another beside it (Syntax Dictionary `req=`), e.g. an expiry date without a GTIN. */
  | 'missing-requisite'
  /** Two elements that may not stand together (Syntax Dictionary `ex=`), e.g. GTIN and CONTENT. */
  | 'mutually-exclusive';

export type Gs1Error = {
  code: Gs1ErrorCode;
  message: string;
  /** The Application Identifier the error is about, when there is one. */
  ai?: string;
};

export type Gs1Parse =
  | {
      ok: true;
      /** Every element in the order it appears, values percent-decoded. */
      elements: Gs1Element[];
      /**
       * The Digital Link primary key: always present in a URI; in an element string the first key
       * present, or absent when the message carries none (a ship-to GLN, an order number...).
       */
      primaryKey?: Gs1Element;
      qualifiers: Gs1Element[];
      attributes: Gs1Element[];
      /** Present when parsed from a Digital Link URI. */
      uri?: { href: string; domain: string; pathPrefix: string };
    }
  | { ok: false; error: Gs1Error };

/** What a scanned text is, decided by `classify`. */
export type ScanKind =
  | {
      /** A place: primary key 414 (GLN of a physical location). */
      kind: 'gs1-location';
      gln: string;
      /** AI 254, the GLN extension component. */
      extension?: string;
      elements: Gs1Element[];
      /** From a Digital Link URI only. */
      uri?: string;
      domain?: string;
      /** The symbology identifier the scanner reported (`]Q1`, `]Q3`...), when it did. */
      symbology?: string;
    }
  | {
      /** A product: primary key 01 (GTIN), from a Digital Link, an element string or EAN/UPC/ITF-14. */
      kind: 'gs1-product';
      /** 14 digits, zero-filled (a GTIN-8, -12 or -13 keeps its value). */
      gtin: string;
      /** AI 10, batch or lot number. */
      lot?: string;
      /** AI 21, serial number. */
      serial?: string;
      /** AI 17, expiration date as YYMMDD (DD may be 00); `gs1DateToIso` reads it. */
      expiry?: string;
      /** AI 15, best before date as YYMMDD. */
      bestBefore?: string;
      /** The two- or five-digit add-on read with an EAN/UPC symbol (`]E3`); not part of the GTIN. */
      addOn?: string;
      elements: Gs1Element[];
      uri?: string;
      domain?: string;
      symbology?: string;
    }
  | {
      /** Any other GS1 primary key (SSCC, GRAI, GIAI, GSRN...). */
      kind: 'gs1-other';
      key: Gs1Element;
      elements: Gs1Element[];
      uri?: string;
      domain?: string;
      symbology?: string;
    }
  | {
      /** A valid element string with no primary key: a ship-to GLN (410), an order number (400)... */
      kind: 'gs1-data';
      elements: Gs1Element[];
      symbology?: string;
    }
  | { kind: 'licence'; licenceId: string; uri?: string; domain?: string }
  | { kind: 'legacy-iranman'; uri: string; domain: string }
  | { kind: 'url'; url: string; domain: string; scheme: string; safe: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'invalid-gs1'; error: Gs1Error; text: string };
