import { placePath, productPath } from '../../api/paths.ts';
import { displayGtin } from '../../api/product-code.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import type { HistoryEntry } from './history-index.ts';

type Props = { entry: HistoryEntry; onDelete: (id: number) => void };

export function HistoryItem({ entry, onDelete }: Props) {
  const t = useT();
  const { scan, name, union, product } = entry;
  const c = scan.classification;
  const title = name ?? t(`history:kind.${scan.kind}`);
  const href = product
    ? productPath(product.gtin, product)
    : scan.gln
      ? placePath(scan.gln, scan.ext)
      : undefined;
  const detail =
    (product && displayGtin(product.gtin)) ??
    scan.gln ??
    ('domain' in c ? c.domain : undefined) ??
    ('licenceId' in c ? c.licenceId : undefined);
  const when = formatDate(scan.at, { time: true });
  return (
    <li class="history-item">
      <div class="history-item-main">
        {href ? (
          <a href={href} class="history-item-title">
            {title}
          </a>
        ) : (
          <span class="history-item-title">{title}</span>
        )}
        {detail && (
          <span class="history-item-detail">
            <Ltr>{detail}</Ltr>
          </span>
        )}
        {union && <span class="history-item-detail">{union}</span>}
        <time class="history-item-time" dateTime={new Date(scan.at).toISOString()}>
          {when}
        </time>
      </div>
      <button
        type="button"
        class="btn history-item-delete"
        aria-label={t('history:deleteOne', { name: title })}
        onClick={() => scan.id !== undefined && onDelete(scan.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
