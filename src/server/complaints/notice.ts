import type { Note, NoteCode } from '../../api/index.ts';
import { formatDay, type ServerLang, tFor } from '../i18n.ts';
import type { AddressMatch, Agency } from '../store/types.ts';

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
  const t = tFor(lang);
  const notice = t(`lifecycle:note.${note.code}`, params);
  return params.placement ? `${t(`lifecycle:note.placement.${params.placement}`, params)} ${notice}` : notice;
}

/**
 * How a complaint that named its place only as text was placed (which shop, or which county), as
 * parameters of the filing note; `serviceNotice` words them before the notice itself.
 */
export function placementParams(match: AddressMatch, namesShop: boolean): Record<string, string> {
  if (match.kind === 'shop' && namesShop)
    return {
      placement: 'shop',
      shop: match.shop.name,
      shopGln: match.shop.gln,
      shopAddress: match.shop.address,
    };
  if (match.kind === 'shop') return { placement: 'county', county: match.shop.county };
  if (match.kind === 'county') return { placement: 'unmatched', county: match.county };
  return { placement: 'nowhere' };
}
