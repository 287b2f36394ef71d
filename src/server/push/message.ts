import { type Note, noteMessage, type PushMessage } from '../../api/index.ts';
import { formatDay, type ServerLang, tFor } from '../i18n.ts';

// What one update says to the reporter's lock screen, in their language: the union's words when
// it wrote some, else the change it made. Only what the union (or the system on its behalf)
// did; the reporter's own follow-ups never notify the reporter.

const BODY_MAX = 240;

export function notifies(notes: readonly Note[]): boolean {
  return notes.some(
    (n) => n.author !== 'reporter' && ['reply', 'status_change', 'enforcement'].includes(n.type),
  );
}

export function pushMessage(requestId: string, notes: readonly Note[], lang: ServerLang): PushMessage {
  const t = tFor(lang);
  const reply = notes.find((n) => n.type === 'reply' && n.text);
  const change = notes.find((n) => n.type === 'status_change' || n.type === 'enforcement');
  const worded = (n: Note) => {
    const m = noteMessage(n);
    if (!m) return '';
    const params = { ...m.params };
    if (typeof params.until === 'string') params.until = formatDay(params.until, lang);
    return t(m.key, params);
  };
  const title = reply
    ? t('push:title.reply')
    : change?.type === 'enforcement'
      ? t('push:title.enforcement')
      : t('push:title.status');
  const said = reply?.text ?? (change ? worded(change) : '');
  const body = said.length > BODY_MAX ? `${said.slice(0, BODY_MAX - 1)}…` : said || t('push:body.fallback');
  return { title, body, service_request_id: requestId, lang };
}
