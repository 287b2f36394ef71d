import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import faServer from '../../../locales/fa/server.json' with { type: 'json' };
import type { ApiError, ErrorCode } from '../../api/index.ts';
import { langOf, tFor, tOf } from '../i18n.ts';

// Every error leaves as `[{code, description}]`: the code is the contract, the description
// says what happened and what to do, in the request's language (Persian unless Accept-Language
// prefers English), from locales/*/server.json. Nothing internal (stack, SQL) reaches the body.

type ErrorKey = keyof typeof faServer.errors;

/** Each error sentence's locale key, by name. */
export const MESSAGES = Object.fromEntries(
  Object.keys(faServer.errors).map((k) => [k, `server:errors.${k}`]),
) as { [K in ErrorKey]: `server:errors.${K}` };

export function errorBody(code: ErrorCode, description: string): ApiError {
  return [{ code, description }];
}

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  /** A locale key (`MESSAGES.*`, `validation:…`, `lifecycle:…`), worded for this request. */
  message: string,
  extra?: ApiError,
  params?: Record<string, unknown>,
) {
  const description = params ? tOf(c)(message, params) : worded(c, message);
  return c.json([...errorBody(code, description), ...(extra ?? [])], status);
}

/**
 * A sentence without parameters, worded once per language: an unknown GLN's 404 is a fifth of
 * ordinary lookup traffic, and i18next per answer measured as a visible share of its time. The
 * keys are the catalogue's (never request data), so the memo stays as small as the catalogue.
 */
const sentences = new Map<string, string>();
function worded(c: Context, key: string): string {
  const lang = langOf(c);
  const memo = `${lang} ${key}`;
  let sentence = sentences.get(memo);
  if (sentence === undefined) {
    sentence = tFor(lang)(key);
    sentences.set(memo, sentence);
  }
  return sentence;
}
