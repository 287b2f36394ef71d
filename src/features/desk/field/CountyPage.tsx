import './locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { type CountyQueue, type Geo, substatusKey } from '../../../api/index.ts';
import { paths } from '../../../api/paths.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { PersianText } from '../../../ui/PersianText.tsx';
import { locateOnce } from '../../place/locate.ts';
import { EnforcementPanel } from './EnforcementPanel.tsx';
import { fieldCalls } from './field-calls.ts';
import { MisplacedPlates } from './MisplacedPlates.tsx';
import { VisitForm } from './VisitForm.tsx';
import './field.css';

// The county chamber's queue: cases an objection or the Art. 72 deadline sent up, each with its
// enforcement panel, and the missing-plate reports, nearest first once the inspector taps to give
// their position (never asked for by itself), and plates shoppers' readings say are misplaced.

export function CountyPage() {
  const t = useT();
  const [queue, setQueue] = useState<CountyQueue | null>(null);
  const [problem, setProblem] = useState<string>();
  const [near, setNear] = useState<Geo>();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [notice, setNotice] = useState('');

  const load = async (at = near) => {
    const r = await fieldCalls.county(at);
    if (r.status === 'ok') {
      setQueue(r.data);
      setProblem(undefined);
    } else setProblem(failureText(t, r));
  };
  useEffect(() => {
    void load();
  }, []);

  const sortByDistance = async () => {
    setLocating('busy');
    const r = await locateOnce();
    if (r.status !== 'ok') return setLocating('failed');
    setLocating('idle');
    const at = { lat: r.fix.lat, lng: r.fix.lng };
    setNear(at);
    await load(at);
  };

  return (
    <div class="field-page">
      <h1>{queue ? t('desk:county.title', { county: queue.county }) : t('desk:county.nav')}</h1>
      {problem && (
        <p class="desk-error" role="alert">
          <PersianText text={problem} />
        </p>
      )}
      {queue && (
        <>
          <section aria-labelledby="county-cases">
            <h2 id="county-cases">{t('desk:county.cases')}</h2>
            {queue.cases.length === 0 ? (
              <p>{t('desk:county.noCases')}</p>
            ) : (
              <ul class="field-list">
                {queue.cases.map((c) => (
                  <li key={c.service_request_id} class="desk-card field-case">
                    <p class="field-case-head">
                      <strong>{c.location_name ?? c.service_name}</strong> <Ltr>{c.service_request_id}</Ltr>
                    </p>
                    <p>
                      {c.service_name} · {t(substatusKey(c.substatus))} ·{' '}
                      <span class="field-badge">{t(`desk:county.reason.${c.reason}`)}</span>
                    </p>
                    <p class="field-muted">
                      {t('desk:county.deadline', { date: formatDate(c.expected_datetime) })}
                    </p>
                    <p>
                      <a href={paths.deskCountyCase(c.service_request_id)}>
                        {t('desk:county.open')} <Ltr>{c.service_request_id}</Ltr>
                      </a>
                    </p>
                    {c.address_id && <EnforcementPanel complaint={c} reload={() => void load()} />}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="county-plates">
            <h2 id="county-plates">{t('desk:county.plates')}</h2>
            <button type="button" class="desk-button" onClick={sortByDistance} disabled={locating === 'busy'}>
              {t('desk:county.near')}
            </button>
            <p role="status" class="field-status">
              {locating === 'busy'
                ? t('desk:county.locating')
                : locating === 'failed'
                  ? t('desk:county.locateFailed')
                  : notice}
            </p>
            {queue.missing_plates.length === 0 ? (
              <p>{t('desk:county.noPlates')}</p>
            ) : (
              <ul class="field-list">
                {queue.missing_plates.map((p) => (
                  <li key={p.service_request_id} class="desk-card field-case">
                    <p class="field-case-head">
                      <Ltr>{p.service_request_id}</Ltr>
                      {p.distance !== undefined && (
                        <span class="field-badge">
                          {t('desk:county.distance', { distance: formatNumber(p.distance) })}
                        </span>
                      )}
                    </p>
                    <p class="field-muted">
                      {t('desk:county.reported', { date: formatDate(p.requested_datetime) })}
                    </p>
                    {p.address && <p>{p.address}</p>}
                    {p.description && <p>{p.description}</p>}
                    <VisitForm
                      id={p.service_request_id}
                      onDone={() => {
                        // The visit decides the report, so it leaves the list: the notice stays.
                        setNotice(t('desk:visit.saved'));
                        void load();
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MisplacedPlates plates={queue.misplaced_plates} />
        </>
      )}
    </div>
  );
}
