import type { Failure } from '../../api/client.ts';
import type { GtinCheck } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';

type Props = {
  check?: Exclude<GtinCheck, { ok: true }>;
  failure?: Failure;
  gtin: string;
  onRetry?: () => void;
};

/** No product to show: a bad number, an unknown one, or no network and no saved copy. */
export function ProductProblem({ check, failure, gtin, onRetry }: Props) {
  const t = useT();
  const kind = check ? 'badGtin' : failure?.status === 'not-found' ? 'notFound' : 'offline';
  const text = check
    ? t(check.reason === 'check-digit' ? 'product:error.checkDigit' : 'product:error.badGtin')
    : kind === 'notFound'
      ? t('product:error.notFound', { gtin })
      : failure?.status === 'bad-request'
        ? (failure.errors[0]?.description ?? '')
        : t('product:error.offline');
  return (
    <section class="page product" role="alert">
      <h1>{t(`product:error.${kind}Title`)}</h1>
      <p>{text}</p>
      {kind === 'offline' && onRetry && (
        <button type="button" class="btn btn-primary" onClick={onRetry}>
          {t('product:error.retry')}
        </button>
      )}
    </section>
  );
}
