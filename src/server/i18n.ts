import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import i18next, { type TFunction } from 'i18next';
import enClips from '../../locales/en/clips.json' with { type: 'json' };
import enDesk from '../../locales/en/desk.json' with { type: 'json' };
import enLifecycle from '../../locales/en/lifecycle.json' with { type: 'json' };
import enNear from '../../locales/en/near.json' with { type: 'json' };
import enPush from '../../locales/en/push.json' with { type: 'json' };
import enServer from '../../locales/en/server.json' with { type: 'json' };
import enValidation from '../../locales/en/validation.json' with { type: 'json' };
import faClips from '../../locales/fa/clips.json' with { type: 'json' };
import faDesk from '../../locales/fa/desk.json' with { type: 'json' };
import faLifecycle from '../../locales/fa/lifecycle.json' with { type: 'json' };
import faNear from '../../locales/fa/near.json' with { type: 'json' };
import faPush from '../../locales/fa/push.json' with { type: 'json' };
import faServer from '../../locales/fa/server.json' with { type: 'json' };
import faValidation from '../../locales/fa/validation.json' with { type: 'json' };
import { isLanguage, LANGUAGE_COOKIE } from '../api/language.ts';

// The service's words come from the same catalogue as the app's (locales/), through i18next:
// Persian unless the app's language cookie or the request's Accept-Language asks for English. Codes stay the contract; the
// words are for people reading an error, a notice or the clerk desk.

export type ServerLang = 'fa' | 'en';
const LANGS: readonly ServerLang[] = ['fa', 'en'];

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'fa',
  fallbackLng: 'fa',
  supportedLngs: [...LANGS],
  ns: ['server', 'lifecycle', 'validation', 'desk', 'push', 'clips', 'near'],
  defaultNS: 'server',
  resources: {
    fa: {
      server: faServer,
      lifecycle: faLifecycle,
      validation: faValidation,
      desk: faDesk,
      push: faPush,
      clips: faClips,
      near: faNear,
    },
    en: {
      server: enServer,
      lifecycle: enLifecycle,
      validation: enValidation,
      desk: enDesk,
      push: enPush,
      clips: enClips,
      near: enNear,
    },
  },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** RFC 9110 §12.5.4: the supported language with the highest weight; Persian when none is. */
export function pickLanguage(header: string | undefined): ServerLang {
  let best: ServerLang = 'fa';
  let bestQ = 0;
  for (const part of (header ?? '').split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(/^\s*q=([0-9.]+)/.exec(params.join(';'))?.[1] ?? 1);
    const lang = LANGS.find((l) => range === l || range.startsWith(`${l}-`));
    if (lang && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** The app's own choice (its language cookie) first, then the request's Accept-Language. */
export function langOf(c: Context): ServerLang {
  const chosen = getCookie(c, LANGUAGE_COOKIE);
  return isLanguage(chosen) ? chosen : pickLanguage(c.req.header('accept-language'));
}

export function tFor(lang: ServerLang): TFunction {
  return i18n.getFixedT(lang);
}

/** The translator for this request's language. */
export function tOf(c: Context): TFunction {
  return tFor(langOf(c));
}

const dateFormats = new Map<ServerLang, Intl.DateTimeFormat>();

/** A date as the app shows it: Jalali in Persian, Gregorian in English, Tehran's clock. */
export function formatDay(iso: string, lang: ServerLang): string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fa-IR-u-ca-persian', {
      dateStyle: 'long',
      timeZone: 'Asia/Tehran',
    });
    dateFormats.set(lang, f);
  }
  return f.format(new Date(iso));
}

const timeFormats = new Map<ServerLang, Intl.DateTimeFormat>();

/** A moment as the app shows it: Jalali date and time in Persian, Tehran's clock. */
export function formatTime(iso: string, lang: ServerLang): string {
  let f = timeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fa-IR-u-ca-persian', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Tehran',
    });
    timeFormats.set(lang, f);
  }
  return f.format(new Date(iso));
}
