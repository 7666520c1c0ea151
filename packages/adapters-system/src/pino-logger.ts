import pino, { type DestinationStream, type Logger as Pino } from 'pino';
import type { Logger } from '@hexcast/core';

/** Field names whose values never reach a log line, wherever they appear. */
export const REDACTED_FIELDS = [
  'password',
  'adminPassword',
  'adminPasswordHash',
  'accessToken',
  'token',
  'secret',
  'streamKey',
  'authorization',
  'cookie',
  '*.password',
  '*.secret',
  '*.accessToken',
  '*.token',
  '*.streamKey',
  '*.authorization',
  '*.cookie',
];

export interface PinoLoggerOptions {
  readonly level?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /** Where lines go; several streams are combined with pino.multistream. Default stdout. */
  readonly streams?: readonly DestinationStream[];
}

/** The core's `Logger` on pino: JSON lines, secrets redacted. */
export class PinoLogger implements Logger {
  readonly #pino: Pino;

  constructor(options: PinoLoggerOptions | Pino = {}) {
    if (isPino(options)) {
      this.#pino = options;
      return;
    }
    const level = options.level ?? 'info';
    const streams = options.streams ?? [pino.destination({ fd: 1, sync: false })];
    this.#pino = pino(
      { level, redact: { paths: REDACTED_FIELDS, censor: '[redacted]' }, base: { app: 'hexcast' } },
      pino.multistream(streams.map((stream) => ({ stream, level }))),
    );
  }

  debug(fields: Record<string, unknown>, message: string): void {
    this.#pino.debug(fields, message);
  }
  info(fields: Record<string, unknown>, message: string): void {
    this.#pino.info(fields, message);
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.#pino.warn(fields, message);
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.#pino.error(fields, message);
  }
  child(bindings: Record<string, unknown>): Logger {
    return new PinoLogger(this.#pino.child(bindings));
  }
  /** Writes buffered lines out (call before exit). */
  flush(): Promise<void> {
    return new Promise((resolve) => this.#pino.flush(() => resolve()));
  }
}

function isPino(value: unknown): value is Pino {
  return typeof value === 'object' && value !== null && 'child' in value && 'levels' in value;
}
