import { installPrompt, promptInstall } from '../../app/install-hint.ts';
import { useT } from '../../app/t.ts';

export function InstallHint() {
  const t = useT();
  if (!installPrompt.value) return null;
  return (
    <div class="card home-install">
      <p>{t('home.installText')}</p>
      <button type="button" class="btn btn-primary" onClick={() => void promptInstall()}>
        {t('home.install')}
      </button>
    </div>
  );
}
