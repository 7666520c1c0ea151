import { upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { createHttpApp } from '@hexcast/adapters-http';
import type { AppController, Logger } from '@hexcast/core';
import { ensureWebBuild, latestWebBuild } from '@hexcast/web';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** The Hono app with every route, over the AppController; chat sockets upgrade through `@hono/node-server`. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpApp)
    .toResolvedValue(
      (controller: AppController, logger: Logger, config: ServerConfig) =>
        createHttpApp(controller, { logger: logger.child({ component: 'http' }), peerAddress: (c) => getConnInfo(c).remote.address, trustedProxies: config.trustedProxies, upgradeWebSocket, webAppDirs: webAppDirs(config, logger), publicDir: path.join(config.dataDir, 'public') }),
      [TOKENS.AppController, TOKENS.Logger, TOKENS.Config],
    )
    .inSingletonScope();
});

/**
 * `<datadir>/web` overrides files of the built web app, which is built now if its sources changed.
 * Sources that do not build cost the pages, not the server: it logs the error and serves the last
 * good build, if there is one (the API, video and chat work either way).
 */
function webAppDirs(config: ServerConfig, logger: Logger): string[] {
  const override = path.join(config.dataDir, 'web');
  const started = performance.now();
  try {
    const build = ensureWebBuild();
    if (build.built) logger.info({ dir: build.dir, ms: Math.round(performance.now() - started) }, 'built the web app');
    return [override, build.dir];
  } catch (error) {
    const previous = latestWebBuild();
    logger.error({ err: error, serving: previous ?? null }, previous ? 'the web app did not build; serving the previous build' : 'the web app did not build; its pages are missing');
    return previous ? [override, previous] : [override];
  }
}
