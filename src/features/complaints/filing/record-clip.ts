import { CLIP_LIMITS } from '../../../api/media.ts';

// Recording a voice note or a video in the app (MediaRecorder), loaded only when the reporter
// taps "record". The recording stops by itself at its kind's limit, so what it makes always
// passes the service's check.

export type Recording = { stop(): void; done: Promise<Blob> };
export type ClipKind = keyof typeof CLIP_LIMITS;

export const canRecord = () => typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

export async function startRecording(kind: ClipKind): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia(
    kind === 'voice' ? { audio: true } : { audio: true, video: { facingMode: 'environment' } },
  );
  const recorder = new MediaRecorder(stream, { bitsPerSecond: kind === 'voice' ? 64_000 : 1_500_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  const done = new Promise<Blob>((resolve) => {
    recorder.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      resolve(
        new Blob(chunks, { type: recorder.mimeType || (kind === 'voice' ? 'audio/webm' : 'video/webm') }),
      );
    };
  });
  recorder.start(1000);
  const limit = setTimeout(
    () => recorder.state !== 'inactive' && recorder.stop(),
    CLIP_LIMITS[kind].maxSeconds * 1000,
  );
  return {
    stop() {
      clearTimeout(limit);
      if (recorder.state !== 'inactive') recorder.stop();
    },
    done,
  };
}

/** Seconds in a picked file, as the browser reads them; NaN or Infinity when it cannot tell. */
export function clipSeconds(blob: Blob): Promise<number> {
  return new Promise((resolve) => {
    const el = document.createElement(blob.type.startsWith('audio/') ? 'audio' : 'video');
    const url = URL.createObjectURL(blob);
    const finish = (n: number) => {
      URL.revokeObjectURL(url);
      resolve(n);
    };
    el.preload = 'metadata';
    el.onloadedmetadata = () => finish(el.duration);
    el.onerror = () => finish(Number.NaN);
    el.src = url;
  });
}
