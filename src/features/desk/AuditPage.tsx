import { useEffect, useState } from 'preact/hooks';
import { type AuditItem, DESK_AUDIT, type AuditPage as Page } from '../../api/staff.ts';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import { deskClient } from './session.ts';

// The audit trail as a manager (their union) or an operator (everyone) reads it: newest first,
// Jalali dates in Tehran's time, older pages on request. Codes and ids are data, shown LTR.

export function AuditPage() {
  const t = useT();
  const [items, setItems] = useState<AuditItem[]>([]);
  const [next, setNext] = useState<number | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');

  const load = async (before?: number) => {
    setState('loading');
    const r = await deskClient().get<Page>(`${DESK_AUDIT}${before ? `?before=${before}` : ''}`);
    if (r.status !== 'ok') return setState(failureText(t, r));
    setItems((old) => (before ? [...old, ...r.data.items] : r.data.items));
    setNext(r.data.next);
    setState('ready');
  };
  useEffect(() => void load(), []);

  return (
    <section class="desk-audit" aria-busy={state === 'loading'}>
      <h1>{t('desk:audit.title')}</h1>
      <p>{t('desk:audit.intro')}</p>
      {state !== 'loading' && state !== 'ready' && (
        <p class="desk-error" role="alert">
          {state}
        </p>
      )}
      {state === 'ready' && items.length === 0 && <p>{t('desk:audit.empty')}</p>}
      {items.length > 0 && (
        <div class="desk-table-wrap">
          <table class="desk-table">
            <thead>
              <tr>
                <th scope="col">{t('desk:audit.when')}</th>
                <th scope="col">{t('desk:audit.who')}</th>
                <th scope="col">{t('desk:audit.action')}</th>
                <th scope="col">{t('desk:audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at, { time: true })}</td>
                  <td>
                    {e.staff_name}
                    <span class="desk-table-note">{t(`desk:roles.${e.role}`)}</span>
                  </td>
                  <td>
                    <code dir="ltr">{e.action}</code>
                  </td>
                  <td>
                    <bdi dir="ltr">{e.target}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state === 'loading' && <p role="status">{t('desk:audit.loading')}</p>}
      {next !== undefined && state === 'ready' && (
        <button type="button" class="desk-button" onClick={() => load(next)}>
          {t('desk:audit.more')}
        </button>
      )}
    </section>
  );
}
