// Which language the service answers in. Other clients say so with Accept-Language; the app,
// whose UI language is the reader's choice and not the browser's, says so with this cookie (sent
// with every same-origin request, Background Sync replays included), which the service prefers.

export const LANGUAGES = ['fa', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_COOKIE = 'kbf-lang';

export function isLanguage(s: string | undefined): s is Language {
  return (LANGUAGES as readonly string[]).includes(s ?? '');
}
