import { parseConfig } from './config.ts';
import { createServerLogger } from './logging.ts';
import { startServer, type RunningServer } from './start-server.ts';

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 8_000;

const outcome = parseConfig(process.argv.slice(2), process.env);
if (outcome.kind === 'help') {
  process.stdout.write(outcome.text);
  process.exit(0);
}
if (outcome.kind === 'error') {
  process.stderr.write(`hexcast: ${outcome.message}\n`);
  process.exit(2);
}
const { config } = outcome;
const logger = createServerLogger(config);
let running: RunningServer | undefined;

async function shutdown(signal: string, exitCode = 0): Promise<void> {
  logger.info({ signal }, 'shutting down');
  const deadline = setTimeout(() => {
    logger.error({}, `shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  try {
    await running?.stop();
    process.exit(exitCode);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    await logger.flush();
    process.exit(1);
  }
}

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    void shutdown(signal);
  });
}
process.on('uncaughtException', (error) => {
  // A bug, not bad input (every adapter handles its own input errors): record it and stop cleanly.
  logger.error({ err: error }, 'uncaught exception');
  void shutdown('uncaughtException', 1);
});
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled promise rejection');
});

try {
  running = await startServer(config, logger);
} catch (error) {
  logger.error({ err: error }, `hexcast could not start: ${(error as Error).message}`);
  await logger.flush();
  process.stderr.write(`hexcast: ${(error as Error).message}\n`);
  process.exit(1);
}
