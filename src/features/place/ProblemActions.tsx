import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';

type Props = { onRetry?: () => void; reportHref?: string };

/** The next steps under every shop or licence problem: retry when it may help, scan, report, home. */
export function ProblemActions({ onRetry, reportHref }: Props) {
  const t = useT();
  return (
    <div class="place-actions">
      {onRetry && (
        <button type="button" class="btn btn-primary btn-block" onClick={onRetry}>
          {t('place:error.retry')}
        </button>
      )}
      <a class={onRetry ? 'btn btn-block' : 'btn btn-primary btn-block'} href={paths.scan()}>
        {t('place:error.scanAgain')}
      </a>
      {reportHref && (
        <a class="btn btn-block" href={reportHref}>
          {t('place:error.reportPlate')}
        </a>
      )}
      <a class="btn btn-block" href={paths.home()}>
        {t('place:error.home')}
      </a>
    </div>
  );
}
