import type { ApiClient, ApiResult } from '../../../api/client.ts';
import { adviceFor } from '../../../api/failure.ts';
import type { Service, ServiceDefinition } from '../../../api/index.ts';

// Categories and their evidence fields change rarely; the last good answer is kept so that a
// shopper who lost signal inside a bazaar can still write a complaint (it is sent later).

const KEY = 'kbf.complaints.services';
const DEF_KEY = (code: string) => `kbf.complaints.definition.${code}`;

function remember(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the cache is a convenience, not a promise.
  }
}

function recall<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

async function cached<T>(key: string, load: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const res = await load();
  if (res.status === 'ok') {
    remember(key, res.data);
    return res;
  }
  // A passing fault: the last good list is the answer. The service's refusal is not hidden.
  const old = recall<T>(key);
  return old && adviceFor(res, { cached: true }) === 'use-cache' ? { status: 'ok', data: old } : res;
}

export const loadServices = (client: ApiClient): Promise<ApiResult<Service[]>> =>
  cached(KEY, () => client.services());

export const loadDefinition = (client: ApiClient, code: string): Promise<ApiResult<ServiceDefinition>> =>
  cached(DEF_KEY(code), () => client.serviceDefinition(code));
