import { useEffect } from 'preact/hooks';
import { applyUpdate, offlineReady, updateWaiting } from '../sw-bridge.ts';
import { useT } from '../t.ts';

export function UpdatePrompt() {
  const t = useT();
  useEffect(() => {
    if (!offlineReady.value) return;
    const timer = setTimeout(() => {
      offlineReady.value = false;
    }, 4000);
    return () => clearTimeout(timer);
  }, [offlineReady.value]);

  if (updateWaiting.value) {
    return (
      <div class="update-prompt" role="alert">
        <p>{t('update.available')}</p>
        <button type="button" class="btn btn-primary" onClick={() => void applyUpdate()}>
          {t('update.reload')}
        </button>
        <button
          type="button"
          class="btn"
          onClick={() => {
            updateWaiting.value = false;
          }}
        >
          {t('update.later')}
        </button>
      </div>
    );
  }
  if (offlineReady.value) {
    return (
      <div class="update-prompt" role="status">
        <p>{t('update.offlineReady')}</p>
        <button
          type="button"
          class="btn"
          onClick={() => {
            offlineReady.value = false;
          }}
        >
          {t('common.close')}
        </button>
      </div>
    );
  }
  return null;
}
