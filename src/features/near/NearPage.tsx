import './locale.ts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/app-client.ts';
import type { NearbyResult } from '../../api/index.ts';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import { getLastNearby, putLastNearby } from '../../db/nearby.ts';
import { formatAge, formatDate, formatNumber } from '../../i18n/format.ts';
import { locateOnce } from '../place/locate.ts';
import { NearFilterBar } from './NearFilterBar.tsx';
import { NearList } from './NearList.tsx';
import { NearMap } from './NearMap.tsx';
import { applyFilters, guildsOf, type NearFilters, type NearShop, openShops } from './near-filters.ts';
import './near.css';

// "Near me": asks for the shopper's position only when they tap, never on load. The last answer
// is kept on the phone and shown with its age, so the list works offline.

/** Far enough to walk to; the service allows up to 5 km. */
const RADIUS_M = 1500;

type Answer = { result: NearbyResult; fetchedAt: number; saved: boolean };
type Step = 'idle' | 'locating' | 'loading';

export default function NearPage() {
  const t = useT();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [step, setStep] = useState<Step>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const [filters, setFilters] = useState<NearFilters>({});
  const [view, setView] = useState<'list' | 'map'>('list');

  useEffect(() => {
    void getLastNearby().then((last) => {
      if (last) setAnswer((now) => now ?? { ...last, saved: true });
    });
  }, []);

  const find = async () => {
    setProblem(null);
    setStep('locating');
    const where = await locateOnce();
    if (where.status !== 'ok') {
      setStep('idle');
      setProblem(t(`near:problem.${where.status === 'timeout' ? 'unavailable' : where.status}`));
      return;
    }
    setStep('loading');
    const res = await api().nearby(where.fix.lat, where.fix.lng, RADIUS_M);
    setStep('idle');
    if (res.status !== 'ok') {
      // The saved list, if any, stays on screen with its age.
      setProblem(t('near:problem.network', { reason: failureText(t, res) }));
      return;
    }
    const fresh = { result: res.data, fetchedAt: Date.now() };
    setAnswer({ ...fresh, saved: false });
    await putLastNearby(fresh);
  };

  const all = useMemo(() => (answer ? openShops(answer.result.items as NearShop[]) : []), [answer]);
  const guilds = useMemo(() => guildsOf(all), [all]);
  const shown = useMemo(() => applyFilters(all, filters), [all, filters]);

  return (
    <section class="page near">
      <h1>{t('near:title')}</h1>
      <p>{t('near:lead')}</p>
      <button
        type="button"
        class="btn btn-primary btn-block near-find"
        onClick={find}
        disabled={step !== 'idle'}
      >
        {answer ? t('near:again') : t('near:find')}
      </button>
      <p role="status" class="near-step">
        {step === 'locating' ? t('near:locating') : step === 'loading' ? t('near:loading') : ''}
      </p>
      {problem && (
        <p class="banner banner-warn" role="alert">
          {problem}
        </p>
      )}
      {answer?.saved && (
        <section class="banner near-saved" aria-labelledby="near-saved-title">
          <h2 id="near-saved-title" class="near-saved-title">
            {t('near:cache.title')}
          </h2>
          <p>
            {t('near:cache.text', {
              age: formatAge(answer.fetchedAt),
              date: formatDate(answer.fetchedAt, { time: true }),
            })}
          </p>
        </section>
      )}
      {answer && (
        <>
          <p class="near-summary">
            {t('near:summary', { count: all.length, radius: formatNumber(answer.result.radius) })}
            {answer.result.truncated && ` ${t('near:truncated')}`}
          </p>
          {all.length === 0 ? (
            <p class="card">{t('near:none')}</p>
          ) : (
            <>
              <NearFilterBar guilds={guilds} value={filters} onChange={setFilters} />
              <p class="near-shown" aria-live="polite">
                {t('near:shown', { count: shown.length })}
              </p>
              <fieldset class="near-views">
                <legend class="visually-hidden">{t('near:views.label')}</legend>
                {(['list', 'map'] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    class="btn"
                    aria-pressed={view === v}
                    onClick={() => setView(v)}
                  >
                    {t(`near:views.${v}`)}
                  </button>
                ))}
              </fieldset>
              {view === 'list' ? (
                <NearList shops={shown} />
              ) : (
                <NearMap centre={answer.result.near} shops={shown} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
