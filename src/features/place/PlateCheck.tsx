import { useState } from 'preact/hooks';
import type { Geo } from '../../api/index.ts';
import { paths } from '../../api/paths.ts';
import { type PlateVerdict, plateVerdict } from '../../api/plate-verdict.ts';
import { useT } from '../../app/t.ts';
import { type LocateResult, locateOnce } from './locate.ts';
import './PlateCheck.css';

type Props = { gln: string; registered: Geo };
type CheckState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'verdict'; verdict: PlateVerdict; accuracy: number }
  | { kind: 'error'; reason: Exclude<LocateResult['status'], 'ok'> };

/** "Is this the right place?" Location is read only here, on the shopper's tap. */
export function PlateCheck({ gln, registered }: Props) {
  const t = useT();
  const [state, setState] = useState<CheckState>({ kind: 'idle' });

  async function check() {
    setState({ kind: 'locating' });
    const result = await locateOnce();
    if (result.status !== 'ok') return setState({ kind: 'error', reason: result.status });
    setState({
      kind: 'verdict',
      verdict: plateVerdict(registered, result.fix),
      accuracy: result.fix.accuracy,
    });
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
        {state.kind === 'error' && (
          <p class="banner banner-warn plate-check-result">{t(`place:check.${state.reason}`)}</p>
        )}
      </div>
    </div>
  );
}
