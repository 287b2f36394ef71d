// Progress of a long bulk job: a bar redrawn in place on a terminal, plain lines otherwise (a log
// file or CI), at most one every few seconds so a 3-million-row run stays readable.

const PLAIN_EVERY_MS = 5_000;
const BAR = 30;

export type Progress = { update(done: number): void; end(done: number): void };

const fmt = (n: number) => n.toLocaleString('en');
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export function createProgress(
  label: string,
  total: number,
  startAt: number,
  out: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let lastPlain = 0;
  const line = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (done - startAt) / seconds : 0;
    const eta = rate > 0 ? clock((total - done) / rate) : '?';
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return { text: `${fmt(done)}/${fmt(total)} ${pct}% ${fmt(Math.round(rate))} rows/s ETA ${eta}`, pct };
  };
  return {
    update(done) {
      const { text, pct } = line(done);
      if (out.isTTY) {
        const filled = Math.round((pct / 100) * BAR);
        out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${text}\x1b[K`);
      } else if (Date.now() - lastPlain >= PLAIN_EVERY_MS || lastPlain === 0) {
        lastPlain = Date.now();
        out.write(`${label}: ${text}\n`);
      }
    },
    end(done) {
      const { text } = line(done);
      out.write(
        `${out.isTTY ? '\r' : ''}${label}: ${text}, ${clock((Date.now() - started) / 1000)} elapsed${out.isTTY ? '\x1b[K' : ''}\n`,
      );
    },
  };
}
