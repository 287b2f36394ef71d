import { api } from '../../../api/app-client.ts';
import { useT } from '../../../app/t.ts';

type Props = { urls: string[] };

/** The photos the union received, as thumbnails that open the full image. */
export function SentPhotos({ urls }: Props) {
  const t = useT();
  if (urls.length === 0) return null;
  const client = api();
  return (
    <section aria-labelledby="sent-photos-heading">
      <h2 id="sent-photos-heading">{t('complaints:detail.photos', { count: urls.length })}</h2>
      <ul class="sent-photos">
        {urls.map((url, i) => (
          <li key={url}>
            <a href={client.mediaHref(url)} target="_blank" rel="noopener">
              <img
                src={client.mediaHref(url)}
                alt={t('complaints:detail.photoAlt', { n: i + 1, total: urls.length })}
                loading="lazy"
                width={128}
                height={128}
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
