import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIP_LIMITS } from '../../api/index.ts';

// Every voice note and video is decoded and encoded afresh by Debian's ffmpeg, so nothing the
// phone wrote survives: no GPS position (QuickTime ©xyz / ISO6709 location, Android's
// location tag), no device make and model, no creation time, no chapters, subtitles or data
// tracks. Only the first video and the first audio stream are kept, in an MP4 written
// bit-exactly (zero times, no muxer name; the one tag left is our own encoder's, "libx264"). ffmpeg and ffprobe run as child
// processes with an argument list (never a shell), under prlimit with an address-space and
// CPU-time budget, and are killed when they overrun their wall-clock time.

export type ClipKind = keyof typeof CLIP_LIMITS;
export type Transcoded = { kind: ClipKind; data: Buffer; duration: number; width: number; height: number };
export type TranscodeRefusal = 'unreadable' | 'too-long';
export type TranscodeResult =
  | { ok: true; clip: Transcoded }
  | { ok: false; reason: TranscodeRefusal; kind?: ClipKind };

export type TranscodeBudget = { wallMs: number; cpuSeconds: number; memoryBytes: number };
export const DEFAULT_BUDGET: TranscodeBudget = {
  wallMs: 90_000,
  cpuSeconds: 120,
  memoryBytes: 1536 * 1024 * 1024,
};

/** A clip this much longer than its limit still passes: containers round their durations. */
const SLACK_SECONDS = 0.5;

type Run = { code: number | null; stdout: string };

function run(cmd: string, args: string[], budget: TranscodeBudget): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      'prlimit',
      [`--as=${budget.memoryBytes}`, `--cpu=${budget.cpuSeconds}`, '--', cmd, ...args],
      { stdio: ['ignore', 'pipe', 'ignore'], timeout: budget.wallMs, killSignal: 'SIGKILL' },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (stdout.length < 64 * 1024) stdout += d;
    });
    child.on('error', () => resolve({ code: null, stdout }));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

type Probe = { hasVideo: boolean; hasAudio: boolean; duration: number; width: number; height: number };

async function probe(file: string, budget: TranscodeBudget): Promise<Probe | undefined> {
  const r = await run(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,width,height', '-of', 'json', file],
    budget,
  );
  if (r.code !== 0) return undefined;
  try {
    const j = JSON.parse(r.stdout) as {
      format?: { duration?: string };
      streams?: { codec_type?: string; width?: number; height?: number }[];
    };
    const video = j.streams?.find((s) => s.codec_type === 'video');
    return {
      hasVideo: !!video,
      hasAudio: !!j.streams?.some((s) => s.codec_type === 'audio'),
      duration: Number(j.format?.duration ?? Number.NaN),
      width: video?.width ?? 0,
      height: video?.height ?? 0,
    };
  } catch {
    return undefined;
  }
}

const COMMON = ['-hide_banner', '-nostdin', '-v', 'error', '-y'];
const CLEAN = [
  '-map_metadata',
  '-1',
  '-map_metadata:s',
  '-1',
  '-map_chapters',
  '-1',
  '-dn',
  '-sn',
  '-fflags',
  '+bitexact',
  '-flags:v',
  '+bitexact',
  '-flags:a',
  '+bitexact',
  '-threads',
  '1',
];

function encodeArgs(kind: ClipKind, input: string, output: string, seconds: number): string[] {
  const head = [...COMMON, '-i', input, '-t', String(seconds)];
  if (kind === 'voice')
    return [...head, '-map', '0:a:0', '-vn', ...CLEAN, '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4', output];
  return [
    ...head,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    ...CLEAN,
    // At most 720 pixels wide (phones film 1080p and more), even sizes for H.264's 4:2:0.
    '-vf',
    "scale='trunc(min(720,iw)/2)*2':-2,format=yuv420p",
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '28',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    output,
  ];
}

export async function transcodeClip(bytes: Uint8Array, budget = DEFAULT_BUDGET): Promise<TranscodeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'kbf-clip-'));
  try {
    const input = join(dir, 'in');
    const output = join(dir, 'out.mp4');
    await writeFile(input, bytes);
    const seen = await probe(input, budget);
    if (!seen || (!seen.hasVideo && !seen.hasAudio)) return { ok: false, reason: 'unreadable' };
    const kind: ClipKind = seen.hasVideo ? 'video' : 'voice';
    const limit = CLIP_LIMITS[kind].maxSeconds;
    if (seen.duration > limit + SLACK_SECONDS) return { ok: false, reason: 'too-long', kind };
    // A recording without a duration in its header (MediaRecorder's WebM) is cut just past the
    // limit and measured after encoding, so it is never decoded for longer than that.
    const made = await run('ffmpeg', encodeArgs(kind, input, output, limit + 1), budget);
    if (made.code !== 0) return { ok: false, reason: 'unreadable' };
    const out = await probe(output, budget);
    if (!out || !Number.isFinite(out.duration)) return { ok: false, reason: 'unreadable' };
    if (out.duration > limit + SLACK_SECONDS) return { ok: false, reason: 'too-long', kind };
    const data = await readFile(output);
    return { ok: true, clip: { kind, data, duration: out.duration, width: out.width, height: out.height } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
