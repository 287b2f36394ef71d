import { useEffect, useState } from 'preact/hooks';
import { paths } from '../../api/paths.ts';
import { storageFull } from '../storage-alert.ts';
import { useT } from '../t.ts';

export function TopBar() {
  const t = useT();
  const online = useOnline();
  return (
    <header class="top-bar">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <a href={paths.home()} class="top-bar-title">
        <img src="/icons/favicon.svg" alt="" width={28} height={28} />
        <span>{t('app.title')}</span>
      </a>
      {storageFull.value && (
        <p class="top-bar-offline" role="alert">
          {t('app.storageFull')}
        </p>
      )}
      {!online && (
        <p class="top-bar-offline" role="status">
          {t('app.offline')}
        </p>
      )}
    </header>
  );
}

// `online` is only a hint (a captive portal reads as online); it drives a banner, never a decision.
function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
