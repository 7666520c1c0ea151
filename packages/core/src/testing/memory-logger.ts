import type { Logger } from '../ports/logger.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One recorded log call. `bindings` are those of the (child) logger that made it. */
export interface LogEntry {
  readonly level: LogLevel;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly bindings: Readonly<Record<string, unknown>>;
}

/** A `Logger` that records entries; a logger and all its children share one `entries` array. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[];
  readonly bindings: Readonly<Record<string, unknown>>;

  constructor(bindings: Record<string, unknown> = {}, entries: LogEntry[] = []) {
    this.bindings = { ...bindings };
    this.entries = entries;
  }

  debug(fields: Record<string, unknown>, message: string): void {
    this.#record('debug', fields, message);
  }

  info(fields: Record<string, unknown>, message: string): void {
    this.#record('info', fields, message);
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.#record('warn', fields, message);
  }

  error(fields: Record<string, unknown>, message: string): void {
    this.#record('error', fields, message);
  }

  child(bindings: Record<string, unknown>): MemoryLogger {
    return new MemoryLogger({ ...this.bindings, ...bindings }, this.entries);
  }

  /** The entries at one level, oldest first. */
  at(level: LogLevel): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }

  /** Forgets every entry, in this logger and all that share its array. */
  clear(): void {
    this.entries.length = 0;
  }

  #record(level: LogLevel, fields: Record<string, unknown>, message: string): void {
    this.entries.push({ level, fields: { ...fields }, message, bindings: this.bindings });
  }
}
