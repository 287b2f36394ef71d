import '@fontsource/vazirmatn/arabic-400.css';
import '@fontsource/vazirmatn/arabic-700.css';
import '@fontsource/vazirmatn/latin-400.css';
import './app/theme.css';
import { render } from 'preact';
import { App } from './app/App.tsx';
import { startAfterPaint } from './app/after-paint.ts';
import { watchInstallPrompt } from './app/install-hint.ts';
import { applyLanguage, savedLanguage } from './app/language.ts';
import { registerServiceWorker } from './app/sw-bridge.ts';
import { applyTheme } from './app/theme.ts';
import { askEarlyForPlace, earlyRecordShown } from './features/place/early-record.ts';
import { initI18n } from './i18n/setup.ts';

// Before anything else: a plate's link is the record first, and its request need not wait for the page.
askEarlyForPlace(location.pathname);

const lang = savedLanguage();
await initI18n(lang);
applyLanguage(lang);
applyTheme();
render(<App />, document.getElementById('app')!);
watchInstallPrompt();
registerServiceWorker();
startAfterPaint(earlyRecordShown());
