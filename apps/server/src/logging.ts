import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { PinoLogger } from '@hexcast/adapters-system';

/** JSON log lines to stdout and `<logDir>/hexcast.log`. */
export function createServerLogger(options: { logDir: string; verbose: boolean }): PinoLogger {
  fs.mkdirSync(options.logDir, { recursive: true });
  const file = pino.destination({ dest: path.join(options.logDir, 'hexcast.log'), mkdir: true, sync: false });
  const stdout = pino.destination({ fd: 1, sync: false });
  return new PinoLogger({ level: options.verbose ? 'debug' : 'info', streams: [stdout, file] });
}
