import type { Failure } from '../../api/client.ts';
import { useT } from '../../app/t.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

type Props = { gln: string; failure: Failure; onRetry: () => void };

type Kind = 'notFound' | 'offline' | 'timeout' | 'server' | 'request';

function kindOf(f: Failure): Kind {
  if (f.status === 'not-found') return 'notFound';
  if (f.status === 'network-error') return 'offline';
  if (f.status === 'timeout') return 'timeout';
  if (f.status === 'server-error' || f.status === 'rate-limited') return 'server';
  return 'request';
}

/** No record to show and no cached copy: say what happened and offer the next step. */
export function PlaceFailure({ gln, failure, onRetry }: Props) {
  const t = useT();
  const kind = kindOf(failure);
  // Only for a refused request is the service's own Persian description the best explanation;
  // for the others our text says what to do, which a server message cannot know.
  const text =
    kind === 'notFound' ? (
      <Slotted text={t('place:error.notFound', { gln: SLOT })}>
        <Ltr>{gln}</Ltr>
      </Slotted>
    ) : kind === 'request' ? (
      (failure.errors[0]?.description ?? '')
    ) : (
      t(`place:error.${kind}`)
    );
  const canRetry = kind !== 'notFound' && kind !== 'request';
  const reportHref = `/report/missing-plate?gln=${encodeURIComponent(gln)}`;

  return (
    <section class="page place place-problem" role="alert">
      <h1>{t(`place:error.${kind}Title`)}</h1>
      <p>{text}</p>
      <div class="place-actions">
        {canRetry && (
          <button type="button" class="btn btn-primary btn-block" onClick={onRetry}>
            {t('place:error.retry')}
          </button>
        )}
        <a class={canRetry ? 'btn btn-block' : 'btn btn-primary btn-block'} href="/scan">
          {t('place:error.scanAgain')}
        </a>
        {(kind === 'notFound' || kind === 'request') && (
          <a class="btn btn-block" href={reportHref}>
            {t('place:error.reportPlate')}
          </a>
        )}
        <a class="btn btn-block" href="/">
          {t('place:error.home')}
        </a>
      </div>
    </section>
  );
}
