import type { Note, NoteCode } from '../../api/index.ts';
import { formatDay, type ServerLang, tFor } from '../i18n.ts';
import type { Agency } from '../store/types.ts';

// The notice a reporter gets on filing (who has it, how to reach them, by when) as a code and its
// parameters; the words are the locales' (`lifecycle:note.notice.*`), so every reader gets them in
// their own language, and Open311's `service_notice` is worded for the request that asks.

export function noticeNote(agency: Agency, expectedAt: string): Pick<Note, 'code' | 'params'> {
  const code: NoteCode = `notice.${agency.kind}`;
  // A chamber's name starts "بازرسی ..." ("inspection of ..."); the sentence names its inspectors.
  const name = agency.kind === 'chamber' ? agency.name.replace(/^بازرسی /, '') : agency.name;
  return { code, params: { agency: name, phone: agency.phone, date: expectedAt } };
}

/** Open311's `service_notice`, from the filing note's code, in `lang`. */
export function serviceNotice(
  note: Pick<Note, 'code' | 'params' | 'text'> | undefined,
  lang: ServerLang,
): string {
  if (!note?.code) return note?.text ?? '';
  const params = { ...note.params };
  if (typeof params.date === 'string') params.date = formatDay(params.date, lang);
  return tFor(lang)(`lifecycle:note.${note.code}`, params);
}
