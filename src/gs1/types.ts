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
  | 'bad-value';

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
      primaryKey: Gs1Element;
      qualifiers: Gs1Element[];
      attributes: Gs1Element[];
      /** Present when parsed from a Digital Link URI. */
      uri?: { href: string; domain: string; pathPrefix: string };
    }
  | { ok: false; error: Gs1Error };

/** What a scanned text is, decided by `classify`. */
export type ScanKind =
  | {
      kind: 'gs1-location';
      gln: string;
      extension?: string;
      elements: Gs1Element[];
      uri?: string;
      domain?: string;
    }
  | { kind: 'gs1-other'; key: Gs1Element; elements: Gs1Element[]; uri?: string; domain?: string }
  | { kind: 'licence'; licenceId: string; uri?: string; domain?: string }
  | { kind: 'legacy-iranman'; uri: string; domain: string }
  | { kind: 'url'; url: string; domain: string; scheme: string; safe: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'invalid-gs1'; error: Gs1Error; text: string };
