// Decides whether scanned text is a URL at all, its scheme, and whether it may ever be opened.
// Only http and https are ever safe. The scheme is read the way browsers read it (WHATWG URL:
// leading control characters and spaces dropped, tabs and line breaks removed anywhere), so
// `java\nscript:` is seen as the javascript: URL a browser would run.
import { splitUri } from './uri-parts.ts';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// Schemes that are URLs even without `//`. The rest of `word:` text (`Note: ...`) stays text.
const OPAQUE_SCHEMES = new Set([
  'javascript',
  'vbscript',
  'data',
  'blob',
  'file',
  'intent',
  'mailto',
  'tel',
  'sms',
  'smsto',
  'geo',
  'market',
  'about',
  'chrome',
  'content',
  'filesystem',
  'jar',
  'ms-settings',
  'tg',
  'whatsapp',
  'bitcoin',
  'wifi',
  'upi',
]);

export type UrlView = { url: string; scheme: string; domain: string; safe: boolean };

/** The scheme a browser would use for `text`, lower-cased; '' when there is none. */
export function browserScheme(text: string): string {
  const cleaned = text.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return SCHEME.exec(cleaned)?.[1]?.toLowerCase() ?? '';
}

export function viewUrl(text: string): UrlView | null {
  const scheme = browserScheme(text);
  if (!scheme) return null;
  const parts = splitUri(text);
  if (!parts && !OPAQUE_SCHEMES.has(scheme) && !/^[^:]*:\/\//.test(text)) return null;
  const domain = parts ? parts.host.toLowerCase().replace(/\.$/, '') : '';
  // Safe means: a plain http(s) URL with an ASCII host, no userinfo (`bank.ir@evil.example` hides
  // the real host), and no whitespace or control characters a browser would silently drop.
  const safe =
    (scheme === 'http' || scheme === 'https') &&
    parts !== null &&
    parts.scheme.toLowerCase() === scheme &&
    parts.userinfo === null &&
    domain !== '' &&
    !/[\u0000-\u0020\u007f]/.test(text);
  return { url: text, scheme, domain, safe };
}
