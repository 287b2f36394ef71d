import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import { loadProduct, type ProductLoad } from './load-product.ts';

export type ProductState = { kind: 'loading' } | ProductLoad;

export function useProduct(gtin: string | null, client: ApiClient) {
  const [state, setState] = useState<ProductState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if (!gtin) return;
    let live = true;
    setState({ kind: 'loading' });
    loadProduct(gtin, { client }).then((r) => {
      if (live) setState(r);
    });
    return () => {
      live = false;
    };
  }, [gtin, client, attempt]);
  return { state, retry };
}
