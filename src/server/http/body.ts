import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { ApiError } from '../../api/index.ts';
import { tOf } from '../i18n.ts';
import { fail, MESSAGES } from './errors.ts';

// Request bodies: a size cap before anything is read, JSON or form decoding, then zod.

export function limitBody(maxSize: number, message: string = MESSAGES.tooLarge): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is never read, so this connection cannot carry another request:
      // say so, or a keep-alive client sends its next request into a socket about to close.
      c.header('Connection', 'close');
      return fail(c, 413, 'too-large', message);
    },
  });
}

type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

/** Open311 form fields: `attribute[code]=v`, and `attribute[code][]=v` for multi-value lists. */
export function formToObject(entries: Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string | string[]> = {};
  let hasAttribute = false;
  for (const [key, value] of entries) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (m) {
      hasAttribute = true;
      const code = m[1]!;
      if (m[2]) attribute[code] = [...((attribute[code] as string[] | undefined) ?? []), value];
      else attribute[code] = value;
    } else if (!(key in out)) out[key] = value;
  }
  if (hasAttribute) out.attribute = attribute;
  return out;
}

export async function decodeBody(c: Context): Promise<Decoded> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('application/json') || type === '') {
      const text = await c.req.text();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return { ok: false, response: fail(c, 400, 'bad-json', MESSAGES.badJson) };
      }
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return { ok: false, response: fail(c, 400, 'bad-json', MESSAGES.badJson) };
      return { ok: true, value: value as Record<string, unknown> };
    }
    if (type.startsWith('application/x-www-form-urlencoded')) {
      return { ok: true, value: formToObject(new URLSearchParams(await c.req.text())) };
    }
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.formData();
      const pairs: [string, string][] = [];
      form.forEach((v, k) => {
        if (typeof v === 'string') pairs.push([k, v]);
      });
      return { ok: true, value: formToObject(pairs) };
    }
  } catch {
    return { ok: false, response: fail(c, 400, 'bad-body', MESSAGES.badBody) };
  }
  return { ok: false, response: fail(c, 415, 'unsupported-media-type', MESSAGES.badBody) };
}

/** zod issues as errors naming the field, one per field, in the request's language. */
export function validationErrors(error: z.ZodError, c: Context): ApiError {
  const t = tOf(c);
  const seen = new Set<string>();
  const out: ApiError = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const name = t(`server:request.names.${path}`, { defaultValue: path });
    out.push({
      code: 'validation',
      description: path ? t('server:request.field', { name, path }) : t('server:request.body'),
    });
  }
  return out.length ? out : [{ code: 'validation', description: t('server:request.body') }];
}

/** The body decoded and checked against `schema`; otherwise the 4xx answer to send as it is. */
export async function decodeInput<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S> | Response> {
  const decoded = await decodeBody(c);
  if (!decoded.ok) return decoded.response;
  const parsed = schema.safeParse(decoded.value);
  return parsed.success ? parsed.data : c.json(validationErrors(parsed.error, c), 400);
}
