import { api } from '../../../api/app-client.ts';
import { useT } from '../../../app/t.ts';
import { ClipPlayer, isClipUrl, isVideoUrl } from '../ClipPlayer.tsx';

type Props = { urls: string[] };

/** The photos the union received, as thumbnails that open the full image; then any voice note or video. */
export function SentPhotos({ urls }: Props) {
  const t = useT();
  const photos = urls.filter((u) => !isClipUrl(u));
  const clips = urls.filter(isClipUrl);
  if (urls.length === 0) return null;
  const client = api();
  return (
    <>
      {photos.length > 0 && (
        <section aria-labelledby="sent-photos-heading">
          <h2 id="sent-photos-heading">{t('complaints:detail.photos', { count: photos.length })}</h2>
          <ul class="sent-photos">
            {photos.map((url, i) => (
              <li key={url}>
                <a href={client.mediaHref(url)} target="_blank" rel="noopener">
                  <img
                    src={client.mediaHref(url)}
                    alt={t('complaints:detail.photoAlt', { n: i + 1, total: photos.length })}
                    loading="lazy"
                    width={128}
                    height={128}
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {clips.length > 0 && (
        <ul class="sent-clips">
          {clips.map((url) => (
            <li key={url}>
              <ClipPlayer src={client.mediaHref(url)} video={isVideoUrl(url)} lazy />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
