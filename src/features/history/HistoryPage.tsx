import { paths } from '../../api/paths.ts';
import './locale.ts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from '../../app/t.ts';
import { knownProducts } from '../../db/products.ts';
import { clearScans, deleteScan, knownPlaces, listScans } from '../../db/scans.ts';
import { HistoryItem } from './HistoryItem.tsx';
import { buildHistoryIndex, type HistoryEntry, searchHistory } from './history-index.ts';
import './history.css';

// Rendering 10,000 rows on a cheap phone is slow; a page of rows plus "show more" keeps the
// list instant while search still runs over everything.
const PAGE = 50;

export default function HistoryPage() {
  const t = useT();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);

  const load = async () => {
    const [scans, places, products] = await Promise.all([listScans(), knownPlaces(), knownProducts()]);
    setEntries(buildHistoryIndex(scans, places, products));
  };
  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    // Read by bench:history: when the list first painted after the data loaded.
    if (entries) performance.mark('history-rendered');
  }, [entries !== null]);

  const results = useMemo(() => (entries ? searchHistory(entries, query) : []), [entries, query]);

  const remove = async (id: number) => {
    await deleteScan(id);
    setEntries((prev) => prev?.filter((e) => e.scan.id !== id) ?? null);
  };
  const clearAll = async () => {
    if (!window.confirm(t('history:clearConfirm'))) return;
    await clearScans();
    setEntries([]);
  };

  return (
    <section class="page history">
      <h1>{t('history:heading')}</h1>
      {entries === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <div class="card history-empty">
          <p>{t('history:empty')}</p>
          <a class="btn btn-primary" href={paths.scan()}>
            {t('history:scanNow')}
          </a>
        </div>
      ) : (
        <>
          <label class="history-search">
            <span>{t('history:searchLabel')}</span>
            <input
              type="search"
              value={query}
              placeholder={t('history:searchPlaceholder')}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setShown(PAGE);
              }}
            />
          </label>
          <p class="history-count" role="status" aria-live="polite">
            {query
              ? t('history:found', { count: results.length })
              : t('history:total', { count: entries.length })}
          </p>
          <ul class="history-list">
            {results.slice(0, shown).map((entry) => (
              <HistoryItem key={entry.scan.id} entry={entry} onDelete={remove} />
            ))}
          </ul>
          {results.length > shown && (
            <button type="button" class="btn btn-block" onClick={() => setShown(shown + PAGE)}>
              {t('history:showMore', { count: results.length - shown })}
            </button>
          )}
          <button
            type="button"
            class="btn btn-danger btn-block history-clear"
            onClick={() => void clearAll()}
          >
            {t('history:clearAll')}
          </button>
          <p class="history-note">{t('history:offlineNote')}</p>
        </>
      )}
    </section>
  );
}
