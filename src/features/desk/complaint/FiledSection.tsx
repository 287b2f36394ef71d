import type { DeskComplaint } from '../../../api/index.ts';
import { useT } from '../../../app/t.ts';
import { localDigits } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { PersianText } from '../../../ui/PersianText.tsx';
import { ClipPlayer, isClipUrl, isVideoUrl } from '../../complaints/ClipPlayer.tsx';
import { loadAttributeNames } from '../queue/queue-api.ts';
import { useLoad } from '../queue/use-load.ts';

// What the reporter filed, as whoever works the complaint sees it (the union's clerk, the
// county's inspector): text, the category's attributes by name, photos, voice notes and videos
// (the browser's own players, fetched through the desk's session check), the address, and the
// reporter's contact only if they chose to be reachable.

export function FiledSection({ complaint: c }: { complaint: DeskComplaint }) {
  const t = useT();
  const code = c.item.service_code;
  const names = useLoad(() => loadAttributeNames(code), [code]);
  const photos = c.media_urls.filter((u) => !isClipUrl(u));
  const clips = c.media_urls.filter(isClipUrl);
  return (
    <section aria-labelledby="filed-title">
      <h2 id="filed-title">{t('desk:detail.filedTitle')}</h2>
      {c.description ? (
        <p class="desk-description">
          <PersianText text={c.description} />
        </p>
      ) : (
        <p>{t('desk:detail.noDescription')}</p>
      )}
      {Object.keys(c.attribute).length > 0 && (
        <dl class="desk-attributes">
          {Object.entries(c.attribute).map(([k, v]) => (
            <div key={k}>
              <dt>{names.value?.[k] ?? k}</dt>
              <dd>{localDigits(Array.isArray(v) ? v.join('، ') : String(v))}</dd>
            </div>
          ))}
        </dl>
      )}
      {photos.length > 0 && (
        <ul class="desk-photos">
          {photos.map((url, n) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noopener noreferrer">
                <img src={url} alt={t('desk:detail.photo', { n: localDigits(n + 1) })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {clips.length > 0 && (
        <ul class="desk-clips">
          {clips.map((url) => (
            <li key={url}>
              <ClipPlayer src={url} video={isVideoUrl(url)} lazy />
            </li>
          ))}
        </ul>
      )}
      {c.address && (
        <p>
          <PersianText text={c.address} />
        </p>
      )}
      <h3>{t('desk:detail.contact')}</h3>
      {c.contact ? (
        <ul class="desk-contact">
          {c.contact.first_name && <li>{c.contact.first_name}</li>}
          {c.contact.phone && (
            <li>
              <Ltr>{c.contact.phone}</Ltr>
            </li>
          )}
          {c.contact.email && (
            <li>
              <Ltr>{c.contact.email}</Ltr>
            </li>
          )}
        </ul>
      ) : (
        <p>{t('desk:detail.anonymous')}</p>
      )}
    </section>
  );
}
