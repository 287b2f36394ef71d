import { useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import type { Geo, PlateReadingResult } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { type PlateVerdict, plateVerdict } from '../../api/plate-verdict.ts';
import { useT } from '../../app/t.ts';
import { type LocateResult, locateOnce } from './locate.ts';
import './PlateCheck.css';

type Props = { gln: string; registered: Geo; client: ApiClient };
type CheckState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'verdict'; verdict: PlateVerdict; accuracy: number }
  | { kind: 'error'; reason: Exclude<LocateResult['status'], 'ok'> };

/**
 * "Is this the right place?" Location is read only here, on the shopper's tap. A near or far
 * verdict is also sent to the service (signed by the install) as a reading of the plate: near
 * ones confirm it for the trust badge, far ones may send an inspector. The verdict shown never
 * waits for that, and a reading that fails to go is simply not counted.
 */
export function PlateCheck({ gln, registered, client }: Props) {
  const t = useT();
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const [reading, setReading] = useState<PlateReadingResult | undefined>();

  async function check() {
    setState({ kind: 'locating' });
    setReading(undefined);
    const result = await locateOnce();
    if (result.status !== 'ok') return setState({ kind: 'error', reason: result.status });
    const verdict = plateVerdict(registered, result.fix);
    setState({ kind: 'verdict', verdict, accuracy: result.fix.accuracy });
    if (verdict.verdict === 'imprecise') return;
    const { lat, lng, accuracy } = result.fix;
    const sent = await client.plateReading(gln, { lat, lng, accuracy });
    if (sent.status === 'ok') setReading(sent.data);
  }

  const metres = (m: number) =>
    m >= 1000
      ? t('place:check.kilometres', { value: m / 1000 })
      : t('place:check.metres', { value: Math.round(m) });
  const busy = state.kind === 'locating';
  const label = state.kind === 'idle' || busy ? t('place:actions.check') : t('place:check.again');

  return (
    <div class="plate-check">
      <button
        type="button"
        class="btn btn-block"
        onClick={check}
        disabled={busy}
        aria-describedby="plate-check-hint"
      >
        {label}
      </button>
      <p id="plate-check-hint" class="plate-check-hint">
        {t('place:actions.checkHint')}
      </p>
      <div aria-live="polite">
        {busy && <p role="status">{t('place:check.locating')}</p>}
        {state.kind === 'verdict' && state.verdict.verdict === 'near' && (
          <p class="banner banner-ok plate-check-result">
            <span aria-hidden="true">✔ </span>
            {t('place:check.near', { distance: metres(state.verdict.distance) })}
          </p>
        )}
        {state.kind === 'verdict' && state.verdict.verdict === 'imprecise' && (
          <p class="banner banner-info plate-check-result">
            <span aria-hidden="true">? </span>
            {t('place:check.imprecise', { accuracy: metres(state.accuracy) })}
          </p>
        )}
        {state.kind === 'verdict' && state.verdict.verdict === 'far' && (
          <div class="banner banner-danger plate-check-result">
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('place:check.far', { distance: metres(state.verdict.distance) })}
            </p>
            <a class="btn btn-block" href={paths.missingPlate({ gln, reason: 'misplaced' })}>
              {t('place:check.report')}
            </a>
          </div>
        )}
        {reading && (
          <p class="plate-check-reading">
            {t(
              reading.verdict === 'far'
                ? 'trust:reading.farCounted'
                : reading.counted
                  ? 'trust:reading.counted'
                  : 'trust:reading.already',
            )}
          </p>
        )}
        {state.kind === 'error' && (
          <p class="banner banner-warn plate-check-result">{t(`place:check.${state.reason}`)}</p>
        )}
      </div>
    </div>
  );
}
