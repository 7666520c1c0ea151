import { ContainerModule } from 'inversify';
import type { Logger } from '@hexcast/core';
import { NodeMediaServerIngest } from '@hexcast/adapters-rtmp';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/**
 * RTMP ingest on node-media-server. The core tells it where to listen (the stored RTMP port and
 * address, or `--rtmpport`) and moves it when those settings change; these are its defaults.
 */
export const rtmpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.IngestServer)
    .toResolvedValue((config: ServerConfig, logger: Logger) => new NodeMediaServerIngest({ port: config.rtmpPort ?? 1935, logger: logger.child({ component: 'rtmp' }) }), [TOKENS.Config, TOKENS.Logger])
    .inSingletonScope();
});
