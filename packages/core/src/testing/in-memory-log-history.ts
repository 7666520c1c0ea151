import { BoundedList } from '../domain/bounded-list.ts';
import { isAtLeast, type LogLine, type LogLineLevel } from '../domain/operations.ts';
import type { LogHistory } from '../ports/log-history.ts';

/** A `LogHistory` fed by hand (`add`), keeping the newest `capacity` lines. */
export class InMemoryLogHistory implements LogHistory {
  readonly #lines: BoundedList<LogLine>;

  constructor(capacity = 1000) {
    this.#lines = new BoundedList(capacity);
  }

  add(line: LogLine): void {
    this.#lines.push({ ...line, time: new Date(line.time) });
  }

  recent(minLevel?: LogLineLevel): LogLine[] {
    return this.#lines.toArray().filter((line) => minLevel === undefined || isAtLeast(line.level, minLevel));
  }
}
