import './locale.ts';
import { useRoute } from 'preact-iso';
import { api } from '../../api/app-client.ts';
import type { ApiClient } from '../../api/client.ts';
import { paths } from '../../api/paths.ts';
import { checkGtin } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';
import { ProductProblem } from './ProductProblem.tsx';
import { ProductView } from './ProductView.tsx';
import { useProduct } from './use-product.ts';
import './product.css';

type Props = { client?: ApiClient };

/**
 * `/product/{gtin}[?10={lot}&17={YYMMDD}]`: a product as the shopper holds it, with what it should
 * cost. The resolver sends `/01/{gtin}[/10/{lot}]?17=…` here, the query carrying the code's data.
 */
export default function ProductPage({ client = api() }: Props) {
  const t = useT();
  const { params, query } = useRoute();
  const check = checkGtin(decodeURIComponent(params.gtin ?? ''));
  const { state, retry } = useProduct(check.ok ? check.gtin : null, client);
  if (!check.ok) return <ProductProblem check={check} gtin={check.gtin} />;
  if (state.kind === 'loading')
    return (
      <section class="page product" aria-busy="true">
        <p role="status">{t('product:loading')}</p>
      </section>
    );
  if (state.kind === 'failed')
    return <ProductProblem failure={state.failure} gtin={check.gtin} onRetry={retry} />;
  return (
    <ProductView
      record={state.record}
      fetchedAt={state.fetchedAt}
      fromCache={state.fromCache}
      expiry={query['17'] || undefined}
      lot={query['10'] || undefined}
      complainHref={paths.productComplaint(check.gtin)}
      onRetry={retry}
    />
  );
}
