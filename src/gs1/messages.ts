// A plain description per stable error code, for logs and developers. The gs1 core cannot
// depend on i18next, so the words a user reads are the app's, by code: `scan:sheet.invalid.codes.*`
// in locales/{fa,en}/scan.json.
import type { Gs1Error, Gs1ErrorCode } from './types.ts';

const MESSAGES: Record<Gs1ErrorCode, string> = {
  'bad-check-digit': "The identifier's check digit is wrong; scan again or type the number carefully.",
  'bad-length': 'One of the identifiers has the wrong length; the code is incomplete or misprinted.',
  'bad-character': 'The code contains a character GS1 does not allow.',
  'unknown-ai': 'The code contains an unknown GS1 Application Identifier; it is not a valid GS1 code.',
  'no-primary-key': "No GS1 primary key (such as a location's GLN) was found in this code.",
  'bad-qualifier':
    "The order or combination of the identifier's qualifiers (such as the GLN extension) is wrong.",
  'bad-attribute': 'One of the data attributes attached to the link is not allowed there.',
  'duplicate-ai': 'An identifier appears more than once; the code is invalid.',
  'empty-value': "One of the code's identifiers has no value; the code is incomplete.",
  'bad-syntax': 'The code does not follow the GS1 format; scan it again.',
  'bad-scheme': 'The link does not start with a valid http or https; it is not a GS1 Digital Link.',
  'bad-value': 'A value in the code (a date, say) is not valid; the code is misprinted.',
  'missing-requisite':
    'A value in the code lacks the identifier that must come with it (an expiry date without a GTIN, say); the code is badly made.',
  'mutually-exclusive': 'The code carries two values that GS1 forbids together; the code is badly made.',
  'compressed-uri':
    "This is a compressed GS1 Digital Link, which the app cannot read yet; type the plate's 13 digits instead.",
};

export function gs1Error(code: Gs1ErrorCode, ai?: string): Gs1Error {
  return ai === undefined ? { code, message: MESSAGES[code] } : { code, message: MESSAGES[code], ai };
}

export function messageFor(code: Gs1ErrorCode): string {
  return MESSAGES[code];
}

/** Every error code the core can give, for checks that each has words in every locale. */
export const GS1_ERROR_CODES = Object.keys(MESSAGES) as Gs1ErrorCode[];
