import { BoundedList, isAtLeast, type LogHistory, type LogLine, type LogLineLevel } from '@hexcast/core';

/** pino's numeric levels, folded into the four the admin sees. */
function levelOf(pinoLevel: unknown): LogLineLevel {
  const level = typeof pinoLevel === 'number' ? pinoLevel : 30;
  if (level >= 50) return 'error';
  if (level >= 40) return 'warn';
  if (level >= 30) return 'info';
  return 'debug';
}

/** Longest message kept per line: a runaway error text must not hold megabytes in memory. */
export const MAX_LOG_MESSAGE_CHARS = 2000;

/**
 * The newest log lines in memory, for `/api/admin/logs`: a pino destination stream (give it to
 * `PinoLogger` among its `streams`), so it receives each line exactly as written to the log,
 * after redaction. A line that is not pino JSON is kept as an `info` message as it is.
 */
export class LogRing implements LogHistory {
  readonly #lines: BoundedList<LogLine>;

  constructor(options: { readonly capacity?: number } = {}) {
    this.#lines = new BoundedList(options.capacity ?? 1000);
  }

  /** pino's destination interface: one serialised line per call. */
  write(line: string): void {
    this.#lines.push(parseLine(line));
  }

  recent(minLevel?: LogLineLevel): LogLine[] {
    return this.#lines.toArray().filter((line) => minLevel === undefined || isAtLeast(line.level, minLevel));
  }
}

function parseLine(line: string): LogLine {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { time: new Date(), level: 'info', message: line.trim().slice(0, MAX_LOG_MESSAGE_CHARS) };
  }
  const time = typeof json['time'] === 'number' ? new Date(json['time']) : new Date();
  const message = typeof json['msg'] === 'string' ? json['msg'] : '';
  const err = json['err'] as { message?: unknown } | undefined;
  // The error's own text is what an admin needs to see; the stack stays in the log file.
  const detail = typeof err?.message === 'string' && !message.includes(err.message) ? `: ${err.message}` : '';
  return { time, level: levelOf(json['level']), message: `${message}${detail}`.slice(0, MAX_LOG_MESSAGE_CHARS) };
}
