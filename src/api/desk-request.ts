import { ApiErrorSchema } from './errors.ts';

// The desk queue's one way to the service. Errors arrive as `[{code, description}]` with the
// description in the UI's language; a page shows it as it is.

export class DeskRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

export async function deskRequest(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined;
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(json);
    const first = err.success ? err.data[0]! : { code: 'bad-response', description: res.statusText };
    throw new DeskRequestError(res.status, first.code, first.description);
  }
  return json;
}
