export { parseConfig, FLAGS, type ServerConfig, type ConfigOutcome } from './config.ts';
export { startServer, type RunningServer } from './start-server.ts';
export { createServerLogger } from './logging.ts';
