import type { Failure } from '../../api/client.ts';
import { useT } from '../../app/t.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

export function LicenceFailure({
  id,
  failure,
  onRetry,
}: {
  id: string;
  failure: Failure;
  onRetry: () => void;
}) {
  const t = useT();
  const notFound = failure.status === 'not-found';
  const kind = notFound
    ? 'notFound'
    : failure.status === 'network-error'
      ? 'offline'
      : failure.status === 'timeout'
        ? 'timeout'
        : failure.status === 'server-error' || failure.status === 'rate-limited'
          ? 'server'
          : 'request';
  const title = notFound ? t('place:licence.notFoundTitle') : t(`place:error.${kind}Title`);
  const text = notFound ? (
    <Slotted text={t('place:licence.notFound', { id: SLOT })}>
      <Ltr>{id}</Ltr>
    </Slotted>
  ) : kind === 'request' ? (
    (failure.errors[0]?.description ?? '')
  ) : (
    t(`place:licence.${kind}`)
  );
  const canRetry = kind === 'offline' || kind === 'timeout' || kind === 'server';
  return (
    <section class="page place place-problem" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      <div class="place-actions">
        {canRetry && (
          <button type="button" class="btn btn-primary btn-block" onClick={onRetry}>
            {t('place:error.retry')}
          </button>
        )}
        <a class="btn btn-block" href="/scan">
          {t('place:error.scanAgain')}
        </a>
        <a class="btn btn-block" href="/">
          {t('place:error.home')}
        </a>
      </div>
    </section>
  );
}
