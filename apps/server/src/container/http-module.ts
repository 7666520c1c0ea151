import { upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { createHttpApp } from '@hexcast/adapters-http';
import type { AppController, Logger } from '@hexcast/core';
import { ensureWebBuild } from '@hexcast/web';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** The Hono app with every route, over the AppController; chat sockets upgrade through `@hono/node-server`. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpApp)
    .toResolvedValue(
      (controller: AppController, logger: Logger, config: ServerConfig) =>
        createHttpApp(controller, { logger: logger.child({ component: 'http' }), peerAddress: (c) => getConnInfo(c).remote.address, upgradeWebSocket, webAppDirs: webAppDirs(config, logger), publicDir: path.join(config.dataDir, 'public') }),
      [TOKENS.AppController, TOKENS.Logger, TOKENS.Config],
    )
    .inSingletonScope();
});

/** `<datadir>/web` overrides files of the built web app, which is built now if its sources changed. */
function webAppDirs(config: ServerConfig, logger: Logger): string[] {
  const started = performance.now();
  const build = ensureWebBuild();
  if (build.built) logger.info({ dir: build.dir, ms: Math.round(performance.now() - started) }, 'built the web app');
  return [path.join(config.dataDir, 'web'), build.dir];
}
