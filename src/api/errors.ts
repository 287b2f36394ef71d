import { z } from 'zod';

// Every error the service answers is an Open311-style array of {code, description}. The
// description is Persian and written for the shopper: what happened and what to do.

export const ApiErrorItemSchema = z.object({
  code: z.string(),
  description: z.string(),
});
export type ApiErrorItem = z.infer<typeof ApiErrorItemSchema>;

export const ApiErrorSchema = z.array(ApiErrorItemSchema).min(1);
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Stable machine codes; clients branch on these, never on the Persian text. */
export const ERROR_CODES = [
  'bad-gln',
  'bad-check-digit',
  'bad-gtin',
  'bad-extension',
  'bad-path',
  'bad-query',
  'bad-request',
  'bad-body',
  'bad-json',
  'validation',
  'not-found',
  'unknown-link-type',
  'unknown-service',
  'unauthorized',
  'forbidden',
  'idempotency-mismatch',
  'invalid-transition',
  'own-complaint',
  'too-large',
  'unsupported-media-type',
  'rate-limited',
  /** A write that needs the app install's token (X-Install-Token) came without a valid one. */
  'install-required',
  /** A daily quota (complaints, "me too"s, photos) is used up; try again tomorrow. */
  'quota-exceeded',
  /** Desk: no live session (never signed in, signed out, expired, or the account disabled). */
  'desk-sign-in-needed',
  /** Desk: the person's role (or agency) may not do this. */
  'desk-forbidden',
  /** Desk: a write without the session's CSRF token, or from a foreign Origin. */
  'desk-csrf',
  /** Desk sign-in: the username or password is wrong (never says which). */
  'desk-bad-credentials',
  /** Desk sign-in: the account is locked after repeated failures, whatever the password. */
  'desk-locked',
  'internal',
  'network',
  'timeout',
  'bad-response',
  /** A voice note or video longer than its kind's limit (CLIP_LIMITS). */
  'clip-too-long',
  /** The service is at its limit of concurrent work (transcoding); Retry-After says when to retry. */
  'busy',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
