import { paths } from '../../api/paths.ts';
import { language, switchLanguage } from '../../app/language.ts';
import { useT } from '../../app/t.ts';
import { applyTheme, type ThemeChoice, themeChoice } from '../../app/theme.ts';
import { localDigits } from '../../i18n/format.ts';
import { NotificationSettings } from './NotificationSettings.tsx';
import './more.css';

const themes: ThemeChoice[] = ['system', 'light', 'dark'];
const themeKey = { system: 'more.themeSystem', light: 'more.themeLight', dark: 'more.themeDark' } as const;

export default function MorePage() {
  const t = useT();
  return (
    <section class="page more">
      <h1>{t('more.heading')}</h1>
      <div class="card">
        <h2>{t('more.language')}</h2>
        <button
          type="button"
          class="btn btn-block"
          lang={language.value === 'fa' ? 'en' : 'fa'}
          onClick={() => void switchLanguage(language.value === 'fa' ? 'en' : 'fa')}
        >
          {t('app.switchLanguage')}
        </button>
      </div>
      <fieldset class="card more-theme">
        <legend>{t('more.theme')}</legend>
        {themes.map((choice) => (
          <label key={choice} class="more-radio">
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={themeChoice.value === choice}
              onChange={() => applyTheme(choice)}
            />
            {t(themeKey[choice])}
          </label>
        ))}
      </fieldset>
      <NotificationSettings />
      <a class="btn btn-block" href={paths.missingPlate()}>
        {t('more.missingPlate')}
      </a>
      <div class="card more-about">
        <h2>{t('more.about')}</h2>
        <p>{t('more.aboutText')}</p>
        <p class="more-version">{t('more.version', { version: localDigits(__APP_VERSION__) })}</p>
      </div>
    </section>
  );
}
