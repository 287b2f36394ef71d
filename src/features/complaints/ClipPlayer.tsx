import './clips-locale.ts';
import { useT } from '../../app/t.ts';

type Props = { src: string; video: boolean; lazy?: boolean };

/** A stored voice note (.m4a) or video (.mp4), told from a photo by the name the service gave it. */
export const isClipUrl = (url: string) => /\.(m4a|mp4)$/.test(url);
/** A stored video, as opposed to a voice note. */
export const isVideoUrl = (url: string) => url.endsWith('.mp4');

/** A voice note or video with the browser's own controls, named for screen readers. */
export function ClipPlayer({ src, video, lazy }: Props) {
  const t = useT();
  const preload = lazy ? 'none' : 'metadata';
  return video ? (
    // biome-ignore lint/a11y/useMediaCaption: a shopper's own recording has no captions; the complaint's text says what it shows
    <video controls preload={preload} src={src} aria-label={t('clips:picker.video')} />
  ) : (
    // biome-ignore lint/a11y/useMediaCaption: a voice note has no captions; the complaint's text says what it is about
    <audio controls preload={preload} src={src} aria-label={t('clips:picker.voice')} />
  );
}
