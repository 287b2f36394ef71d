// The service's one logger. LOG_FORMAT=json writes every line as one JSON object (time, level,
// msg and the line's fields: request id, method, route pattern, status, duration), for a log
// collector; `text` (the default of `npm start` and tests) writes the same as a readable line;
// `off` writes nothing. Lines are queued and written together a few times a second: on Linux a
// write to a pipe blocks, and one write per request would be felt under load.

export type LogFormat = 'json' | 'text' | 'off';
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export type Logger = {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  readonly format: LogFormat;
};

export const logFormatOf = (value: string | undefined): LogFormat =>
  value === 'json' || value === 'off' ? value : 'text';

/** An error as fields a log line can carry: its message and, for the operator, its stack. */
export const errorFields = (error: unknown): LogFields =>
  error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };

function textLine(time: string, level: LogLevel, msg: string, fields: LogFields): string {
  const rest = Object.entries(fields)
    .filter(([k, v]) => v !== undefined && k !== 'stack')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const stack = typeof fields.stack === 'string' ? `\n${fields.stack}` : '';
  return `${time} ${level.toUpperCase().padEnd(5)} ${msg}${rest ? ` ${rest}` : ''}${stack}\n`;
}

/**
 * One queue for every logger of the process, written out every FLUSH_MS, when it holds
 * FLUSH_BYTES, and at exit: a line reaches the log at most a moment late, and a busy instance
 * makes a few large writes a second instead of one per request.
 */
const FLUSH_MS = 100;
const FLUSH_BYTES = 64 * 1024;
const queued: { out: string[]; err: string[]; bytes: number } = { out: [], err: [], bytes: 0 };
let timer: NodeJS.Timeout | undefined;
function flush() {
  clearTimeout(timer);
  timer = undefined;
  queued.bytes = 0;
  if (queued.out.length) process.stdout.write(queued.out.splice(0).join(''));
  if (queued.err.length) process.stderr.write(queued.err.splice(0).join(''));
}
process.once('exit', flush);
function queue(line: string, level: LogLevel) {
  (level === 'info' ? queued.out : queued.err).push(line);
  queued.bytes += line.length;
  // Errors go out at once: the process may be about to die of one.
  if (level === 'error' || queued.bytes >= FLUSH_BYTES) flush();
  else if (!timer) {
    timer = setTimeout(flush, FLUSH_MS);
    timer.unref();
  }
}

export function createLogger(
  format: LogFormat,
  /** Where whole lines go; default stdout (info) and stderr (warn, error). */
  write: (line: string, level: LogLevel) => void = queue,
): Logger {
  const at =
    (level: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (format === 'off') return;
      const time = new Date().toISOString();
      write(
        format === 'json'
          ? `${JSON.stringify({ time, level, msg, ...fields })}\n`
          : textLine(time, level, msg, fields),
        level,
      );
    };
  return { info: at('info'), warn: at('warn'), error: at('error'), format };
}

/** The process's logger, as the environment sets it: for code that runs outside a service's deps. */
let processLogger: Logger | undefined;
export const processLog = (): Logger =>
  (processLogger ??= createLogger(
    logFormatOf(process.env.LOG_FORMAT ?? (process.argv.includes('--log=json') ? 'json' : undefined)),
  ));
