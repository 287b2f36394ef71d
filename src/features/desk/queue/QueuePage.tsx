import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type DeskQueueItem, SUBSTATUSES } from '../../../api/index.ts';
import { substatusKey } from '../../../api/lifecycle.ts';
import { deskQueuePaths } from '../../../api/paths.ts';
import { useT } from '../../../app/t.ts';
import { formatDate, formatNumber, localDigits } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import './locale.ts';
import { csvUrl, loadCategories, loadCounts, loadQueue } from './queue-api.ts';
import { useLoad } from './use-load.ts';
import './queue.css';

// The union's queue: the filters live in the page's address, so a filtered list can be shared,
// reloaded and left with Back. Sorted by the service (escalated first, then the nearest deadline);
// the triage and spam lists are separate tabs, so a flood never pushes a real complaint away.

const FILTER_KEYS = [
  'view',
  'status',
  'category',
  'guild',
  'county',
  'overdue',
  'escalated',
  'photos',
  'mine',
  'q',
] as const;
type Filter = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export default function QueuePage() {
  const t = useT();
  const { query, route, path } = useLocation();
  const filter: Filter = Object.fromEntries(FILTER_KEYS.filter((k) => query[k]).map((k) => [k, query[k]]));
  const key = JSON.stringify(filter);
  const [more, setMore] = useState<{ key: string; items: DeskQueueItem[]; next?: string }>();
  const page = useLoad(() => loadQueue(filter), [key]);
  const counts = useLoad(loadCounts, [key]);
  const categories = useLoad(loadCategories, []);
  const set = (k: keyof Filter, v: string | undefined) => {
    const next = { ...filter, [k]: v || undefined };
    route(`${path}${toQuery(next)}`);
  };
  const items = [...(page.value?.items ?? []), ...(more?.key === key ? more.items : [])];
  const next = more?.key === key ? more.next : page.value?.next_cursor;

  async function loadMore() {
    if (!next) return;
    const p = await loadQueue({ ...filter, cursor: next });
    setMore({ key, items: [...(more?.key === key ? more.items : []), ...p.items], next: p.next_cursor });
  }

  return (
    <section class="desk-queue" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('desk:queue.title')}</h1>
      <nav class="desk-tabs" aria-label={t('desk:queue.views')}>
        {(['queue', 'triage', 'spam'] as const).map((v) => (
          <a
            key={v}
            href={`${path}${toQuery({ ...filter, view: v === 'queue' ? undefined : v })}`}
            aria-current={(filter.view ?? 'queue') === v ? 'page' : undefined}
          >
            {t(`desk:queue.view.${v}`)}
            {counts.value && v !== 'queue' ? ` (${formatNumber(counts.value[v])})` : ''}
          </a>
        ))}
      </nav>
      {counts.value && (
        <ul class="desk-counts" aria-label={t('desk:queue.counts')}>
          {SUBSTATUSES.map((s) => (
            <li key={s}>
              <span>{t(substatusKey(s))}</span>
              <strong>{formatNumber(counts.value!.by_status[s] ?? 0)}</strong>
            </li>
          ))}
          <li class="desk-count-overdue">
            <span>{t('desk:queue.overdue')}</span>
            <strong>{formatNumber(counts.value.overdue)}</strong>
          </li>
        </ul>
      )}
      <form
        class="desk-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get('q');
          set('q', typeof q === 'string' ? q.trim() : undefined);
        }}
      >
        <label class="desk-search">
          <span>{t('desk:queue.search')}</span>
          <input class="field-input" name="q" type="search" defaultValue={filter.q ?? ''} key={filter.q} />
        </label>
        <button type="submit" class="btn btn-primary">
          {t('desk:queue.find')}
        </button>
        <label>
          <span>{t('desk:queue.status')}</span>
          <select
            class="field-input"
            value={filter.status ?? ''}
            onChange={(e) => set('status', e.currentTarget.value)}
          >
            <option value="">{t('desk:queue.any')}</option>
            <option value="open">{t('desk:queue.open')}</option>
            <option value="closed">{t('desk:queue.closed')}</option>
            {SUBSTATUSES.map((s) => (
              <option key={s} value={s}>
                {t(substatusKey(s))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('desk:queue.category')}</span>
          <select
            class="field-input"
            value={filter.category ?? ''}
            onChange={(e) => set('category', e.currentTarget.value)}
          >
            <option value="">{t('desk:queue.any')}</option>
            {(categories.value ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {/* The union's own guilds and counties, from its complaints; a single guild is no choice. */}
        {counts.value && counts.value.guilds.length > 1 && (
          <label>
            <span>{t('desk:queue.guild')}</span>
            <select
              class="field-input"
              value={filter.guild ?? ''}
              onChange={(e) => set('guild', e.currentTarget.value)}
            >
              <option value="">{t('desk:queue.any')}</option>
              {counts.value.guilds.map((g) => (
                <option key={g} value={g}>
                  {localDigits(g)}
                </option>
              ))}
            </select>
          </label>
        )}
        {counts.value && counts.value.counties.length > 0 && (
          <label>
            <span>{t('desk:queue.county')}</span>
            <select
              class="field-input"
              value={filter.county ?? ''}
              onChange={(e) => set('county', e.currentTarget.value)}
            >
              <option value="">{t('desk:queue.any')}</option>
              {counts.value.counties.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        {(['overdue', 'escalated', 'photos', 'mine'] as const).map((k) => (
          <label key={k} class="desk-check">
            <input
              type="checkbox"
              checked={filter[k] === '1'}
              onChange={(e) => set(k, e.currentTarget.checked ? '1' : '')}
            />
            <span>{t(`desk:queue.only.${k}`)}</span>
          </label>
        ))}
        <a class="btn" href={csvUrl(filter)} download>
          {t('desk:queue.csv')}
        </a>
      </form>
      {page.error && (
        <p role="alert" class="desk-error">
          {page.error}
        </p>
      )}
      <p class="visually-hidden" aria-live="polite">
        {page.loading ? t('desk:queue.loading') : t('desk:queue.shown', { count: items.length })}
      </p>
      {!page.loading && items.length === 0 && !page.error && <p>{t('desk:queue.empty')}</p>}
      {items.length > 0 && (
        <div class="desk-table-wrap">
          <table class="desk-table">
            <caption class="visually-hidden">{t('desk:queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk:queue.col.code')}</th>
                <th scope="col">{t('desk:queue.col.category')}</th>
                <th scope="col">{t('desk:queue.col.shop')}</th>
                <th scope="col">{t('desk:queue.col.status')}</th>
                <th scope="col">{t('desk:queue.col.deadline')}</th>
                <th scope="col">{t('desk:queue.col.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} class={i.overdue ? 'desk-row-overdue' : undefined}>
                  <th scope="row">
                    <a href={deskQueuePaths.complaint(i.id)}>
                      <Ltr>{i.id}</Ltr>
                    </a>
                  </th>
                  <td>
                    {i.service_name}
                    {i.photos > 0 && (
                      <span class="desk-tag">{t('desk:queue.photos', { count: i.photos })}</span>
                    )}
                  </td>
                  <td>{i.location_name ?? t('desk:queue.noShop')}</td>
                  <td>
                    {t(substatusKey(i.substatus))}
                    {i.escalated && <span class="desk-tag desk-tag-warn">{t('desk:queue.escalated')}</span>}
                    {i.triage_group && <span class="desk-tag">{t('desk:queue.triaged')}</span>}
                  </td>
                  <td>
                    <time dateTime={i.expected_datetime}>{formatDate(i.expected_datetime)}</time>
                    {i.overdue && <span class="desk-tag desk-tag-danger">{t('desk:queue.overdue')}</span>}
                  </td>
                  <td>{i.assignee?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" class="btn" onClick={() => void loadMore()}>
          {t('desk:queue.more')}
        </button>
      )}
    </section>
  );
}

function toQuery(f: Filter): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}
