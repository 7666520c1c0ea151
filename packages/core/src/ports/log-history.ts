import type { LogLine, LogLineLevel } from '../domain/operations.ts';

/**
 * The server's most recent log lines, kept in memory for the admin (`/api/admin/logs`). Lines
 * are exactly what the log writes, after secret redaction: nothing here is more revealing than
 * the log file. Old lines drop out once the adapter's capacity is reached.
 */
export interface LogHistory {
  /**
   * The kept lines at `minLevel` or above (default: every level), oldest first, as a fresh array
   * the caller may keep. Empty before anything was logged.
   */
  recent(minLevel?: LogLineLevel): LogLine[];
}
