import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Test clips made with Debian's ffmpeg, as a phone would write them: a QuickTime video carrying
// its position (the ©xyz "location" tag and Apple's com.apple.quicktime.location.ISO6709 key),
// the device and a creation time; voice notes; clips longer than their limits.

export const GPS = '+35.6892+051.3890+1200.000/';
export const DEVICE = 'PhoneMaker Model-X1';

function make(name: string, args: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kbf-clipgen-'));
  try {
    const out = join(dir, name);
    execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args, out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const testVideo = (seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc=size=320x240:rate=15:duration=${seconds}`,
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:duration=${seconds}`,
];

/** A MOV as an iPhone writes it, with where and on what it was filmed. */
export function phoneVideo(seconds: number): Buffer {
  return make('phone.mov', [
    ...testVideo(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    '-shortest',
    '-metadata',
    `location=${GPS}`,
    '-metadata',
    `com.apple.quicktime.location.ISO6709=${GPS}`,
    '-metadata',
    'com.apple.quicktime.make=PhoneMaker',
    '-metadata',
    'com.apple.quicktime.model=Model-X1',
    '-metadata',
    `make=PhoneMaker`,
    '-metadata',
    `model=Model-X1`,
    '-metadata',
    'creation_time=2026-11-29T10:11:12Z',
    '-movflags',
    'use_metadata_tags',
    '-f',
    'mov',
  ]);
}

/** A voice note as Android's recorder or the browser's MediaRecorder (Opus in WebM) writes it. */
export function voiceNote(seconds: number): Buffer {
  return make('voice.webm', [
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=300:duration=${seconds}`,
    '-c:a',
    'libopus',
    '-metadata',
    `location=${GPS}`,
    '-f',
    'webm',
  ]);
}

/** What ffprobe finds in a file: every tag at every level, and the streams' kinds. */
export function probeTags(bytes: Buffer): {
  tags: Record<string, string>;
  streams: string[];
  duration: number;
} {
  const dir = mkdtempSync(join(tmpdir(), 'kbf-clipprobe-'));
  try {
    const file = join(dir, 'f');
    writeFileSync(file, bytes);
    const out = execFileSync('ffprobe', [
      '-v',
      'error',
      '-show_format',
      '-show_streams',
      '-of',
      'json',
      file,
    ]);
    const j = JSON.parse(String(out)) as {
      format: { tags?: Record<string, string>; duration?: string };
      streams: { codec_type: string; tags?: Record<string, string> }[];
    };
    const tags: Record<string, string> = { ...j.format.tags };
    for (const s of j.streams) Object.assign(tags, s.tags);
    return { tags, streams: j.streams.map((s) => s.codec_type), duration: Number(j.format.duration) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Small but long: a still grey frame, its duration in the header, so a browser reads it at once. */
export function stillVideo(seconds: number): Buffer {
  return make('still.mp4', [
    '-f',
    'lavfi',
    '-i',
    `color=c=gray:size=160x120:rate=5:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
  ]);
}
