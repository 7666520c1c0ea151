import { ContainerModule } from 'inversify';
import { SETTINGS_SCHEMAS, type Logger, type Repositories } from '@hexcast/core';
import { NodeMediaServerIngest } from '@hexcast/adapters-rtmp';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** RTMP ingest on node-media-server, on the port from the flags or the stored settings. */
export const rtmpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.RtmpEndpoint)
    .toResolvedValue(
      async (config: ServerConfig, repositories: Repositories) => {
        const stored = SETTINGS_SCHEMAS.server.safeParse((await repositories.settings.read('server')) ?? {});
        const server = stored.success ? stored.data : SETTINGS_SCHEMAS.server.parse({});
        return { port: config.rtmpPort ?? server.rtmpServerPort, host: server.rtmpServerAddress };
      },
      [TOKENS.Config, TOKENS.Repositories],
    )
    .inSingletonScope();
  bind(TOKENS.IngestServer)
    .toResolvedValue(
      (endpoint: { port: number; host: string }, logger: Logger) => new NodeMediaServerIngest({ port: endpoint.port, host: endpoint.host, logger: logger.child({ component: 'rtmp' }) }),
      [TOKENS.RtmpEndpoint, TOKENS.Logger],
    )
    .inSingletonScope();
});
