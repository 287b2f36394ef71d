import { useT } from '../../../app/t.ts';
import { formatNumber, localDigits } from '../../../i18n/format.ts';
import '../queue/locale.ts';
import { isOutcome, outcomeKey, substatusKey } from '../../../api/index.ts';
import { loadCategories, loadDashboard } from '../queue/queue-api.ts';
import { useLoad } from '../queue/use-load.ts';
import '../queue/queue.css';
import './dashboard.css';

// The union's figures: open and overdue now, the median wait for a first reply, how closed
// complaints ended per category, and per Jalali month how many came, were answered and closed.
// Tables, not charts: they read aloud, print, and need no colour to be understood.

export default function DashboardPage() {
  const t = useT();
  const board = useLoad(loadDashboard, []);
  const categories = useLoad(loadCategories, []);
  const nameOf = (code: string) => categories.value?.find((c) => c.code === code)?.name ?? code;
  const monthLabel = (key: string) => {
    const [year, month] = key.split('-');
    return `${t(`desk:dashboard.month.${Number(month)}`)} ${localDigits(year ?? '')}`;
  };
  if (board.error)
    return (
      <p role="alert" class="desk-error">
        {board.error}
      </p>
    );
  const b = board.value;
  if (!b) return <p aria-busy="true">{t('desk:queue.loading')}</p>;
  return (
    <section class="desk-dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('desk:dashboard.title')}</h1>
      <dl class="desk-figures">
        <div>
          <dt>{t('desk:dashboard.open')}</dt>
          <dd>{formatNumber(b.open)}</dd>
        </div>
        <div>
          <dt>{t('desk:dashboard.overdue')}</dt>
          <dd>{formatNumber(b.overdue)}</dd>
        </div>
        <div>
          <dt>{t('desk:dashboard.medianReply')}</dt>
          <dd>
            {b.median_first_reply_minutes === null
              ? t('desk:dashboard.noReplies')
              : b.median_first_reply_minutes < 60
                ? t('desk:dashboard.minutes', { minutes: formatNumber(b.median_first_reply_minutes) })
                : t('desk:dashboard.hours', {
                    hours: formatNumber(Math.round(b.median_first_reply_minutes / 6) / 10),
                  })}
          </dd>
        </div>
      </dl>
      <h2>{t('desk:dashboard.outcomes')}</h2>
      {b.outcomes.length === 0 ? (
        <p>{t('desk:dashboard.noOutcomes')}</p>
      ) : (
        <div class="desk-table-wrap">
          <table class="desk-table">
            <thead>
              <tr>
                <th scope="col">{t('desk:queue.col.category')}</th>
                <th scope="col">{t('desk:dashboard.outcome')}</th>
                <th scope="col">{t('desk:dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {b.outcomes.map((o) => (
                <tr key={`${o.service_code}|${o.outcome}`}>
                  <td>{nameOf(o.service_code)}</td>
                  <td>{t(isOutcome(o.outcome) ? outcomeKey(o.outcome) : substatusKey(o.outcome))}</td>
                  <td>{formatNumber(o.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('desk:dashboard.overTime')}</h2>
      <div class="desk-table-wrap">
        <table class="desk-table">
          <thead>
            <tr>
              <th scope="col">{t('desk:dashboard.monthCol')}</th>
              <th scope="col">{t('desk:dashboard.filed')}</th>
              <th scope="col">{t('desk:dashboard.replied')}</th>
              <th scope="col">{t('desk:dashboard.closed')}</th>
            </tr>
          </thead>
          <tbody>
            {b.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td>{formatNumber(m.filed)}</td>
                <td>{formatNumber(m.replied)}</td>
                <td>{formatNumber(m.closed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
