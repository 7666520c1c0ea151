import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { LogHistory } from '@hexcast/core';
import { LogRing, PinoLogger } from '@hexcast/adapters-system';

/** The server's logger and the recent lines it wrote, for `/api/admin/logs`. */
export type ServerLogger = PinoLogger & { readonly history: LogHistory };

/** JSON log lines to stdout and `<logDir>/hexcast.log`, the newest 1000 also kept in memory (redacted, like the file). */
export function createServerLogger(options: { logDir: string; verbose: boolean }): ServerLogger {
  fs.mkdirSync(options.logDir, { recursive: true });
  const file = pino.destination({ dest: path.join(options.logDir, 'hexcast.log'), mkdir: true, sync: false });
  const stdout = pino.destination({ fd: 1, sync: false });
  const history = new LogRing({ capacity: 1000 });
  const logger = new PinoLogger({ level: options.verbose ? 'debug' : 'info', streams: [stdout, file, history] });
  return Object.assign(logger, { history });
}
