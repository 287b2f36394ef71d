import type { CameraFailure } from '../../scanner/camera-failure.ts';
import { t } from './t.ts';

// Every camera failure says what happened and what to do; the photo and typed paths follow it
// on the page, so the shopper is never stuck.

export function FailureScreen({ failure, onRetry }: { failure: CameraFailure; onRetry(): void }) {
  return (
    <div class="scan-failure" role="alert" data-failure={failure}>
      <h2 class="scan-failure-title">{t(`failure.${failure}.title`)}</h2>
      <p>{t(`failure.${failure}.text`)}</p>
      {failure !== 'insecure' && (
        <button type="button" class="btn btn-primary" onClick={onRetry}>
          {t('failure.retry')}
        </button>
      )}
      <p class="scan-muted">{t('failure.alternatives')}</p>
    </div>
  );
}
