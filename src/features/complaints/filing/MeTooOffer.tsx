import { useState } from 'preact/hooks';
import { api } from '../../../api/app-client.ts';
import type { Failure } from '../../../api/client.ts';
import { failureKind } from '../../../api/failure.ts';
import type { PlaceSupportResult } from '../../../api/index.ts';
import { paths } from '../../../api/paths.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { formatDate } from '../../../i18n/format.ts';
import { deviceId } from './device-id.ts';
import './me-too.css';

type Props = { gln: string; serviceCode: string };

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; result: PlaceSupportResult }
  | { kind: 'failed'; failure: Failure };

/**
 * "Me too": a shopper who saw the same violation backs the open complaint already filed here
 * instead of filing a duplicate. Sent at once or not at all: a support is not worth an outbox
 * entry, and offline the shopper can still file their own complaint, which is queued.
 */
export function MeTooOffer({ gln, serviceCode }: Props) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const send = async () => {
    setState({ kind: 'sending' });
    const r = await api().supportByPlace(gln, serviceCode, deviceId());
    setState(r.status === 'ok' ? { kind: 'done', result: r.data } : { kind: 'failed', failure: r });
  };

  if (state.kind === 'done') return <MeTooDone gln={gln} result={state.result} />;
  const failure = state.kind === 'failed' ? state.failure : undefined;
  // Nothing to back (none open), or only this phone's own complaint: trying again cannot help.
  const closed =
    (failure !== undefined && failureKind(failure) === 'notFound') ||
    (failure !== undefined && isOwn(failure));
  return (
    <section class="me-too" aria-labelledby="me-too-heading">
      <h3 id="me-too-heading">{t('complaints:meToo.heading')}</h3>
      {!closed && <p>{t('complaints:meToo.offer')}</p>}
      {failure && (
        <p class="banner banner-danger" role="alert">
          {meTooFailureText(t, failure)}
          {isOwn(failure) && (
            <>
              {' '}
              <a href={paths.complaints()}>{t('complaints:meToo.ownLink')}</a>
            </>
          )}
        </p>
      )}
      {!closed && (
        <button
          type="button"
          class="btn btn-primary"
          disabled={state.kind === 'sending'}
          aria-busy={state.kind === 'sending'}
          onClick={() => void send()}
        >
          {state.kind === 'sending'
            ? t('complaints:meToo.sending')
            : failure
              ? t('complaints:meToo.retry')
              : t('complaints:meToo.button')}
        </button>
      )}
      <p class="field-hint">{t('complaints:meToo.orFile')}</p>
    </section>
  );
}

function MeTooDone({ gln, result }: { gln: string; result: PlaceSupportResult }) {
  const t = useT();
  return (
    <section class="me-too banner banner-ok" role="status" aria-labelledby="me-too-heading">
      <h3 id="me-too-heading">
        {result.already_supported ? t('complaints:meToo.alreadyHeading') : t('complaints:meToo.doneHeading')}
      </h3>
      <p>
        {result.already_supported
          ? t('complaints:meToo.already', { service: result.service_name })
          : t('complaints:meToo.done', { service: result.service_name })}
      </p>
      {result.agency_responsible && (
        <p>
          {t('complaints:meToo.handledBy', {
            agency: result.agency_responsible,
            date: formatDate(result.expected_datetime),
          })}
        </p>
      )}
      <p>{t('complaints:meToo.supporters', { count: result.supporters })}</p>
      <p>{t('complaints:meToo.privacy')}</p>
      <p>
        {t('complaints:meToo.noNeedToFile')} <a href={paths.place(gln)}>{t('complaints:meToo.backToShop')}</a>
      </p>
    </section>
  );
}

const isOwn = (f: Failure) => f.errors.some((e) => e.code === 'own-complaint');

function meTooFailureText(t: ReturnType<typeof useT>, f: Failure): string {
  if (isOwn(f)) return t('complaints:meToo.own');
  switch (failureKind(f)) {
    case 'offline':
      return t('complaints:meToo.offline');
    case 'timeout':
      return t('complaints:meToo.timeout');
    case 'server':
      return t('complaints:meToo.serverError');
    case 'notFound':
      return t('complaints:meToo.notOpen');
    default:
      return t('complaints:meToo.refused', { error: failureText(t, f) });
  }
}
