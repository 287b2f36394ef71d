// Which bytes could be a voice note or a video: the containers phones and MediaRecorder write.
// Only a first filter; ffmpeg decodes the rest, and anything it cannot read is refused.

export function looksLikeClip(b: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length < 12) return false;
  if (ascii(4, 8) === 'ftyp') return true; // ISO BMFF: MP4, MOV, M4A, 3GP
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return true; // WebM, Matroska
  if (ascii(0, 4) === 'OggS') return true; // Ogg Opus / Vorbis
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return true;
  if (ascii(0, 5) === '#!AMR') return true; // older Android voice recorders
  if (ascii(0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) return true; // MP3, ADTS AAC
  return false;
}
