import { upgradeWebSocket } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ContainerModule } from 'inversify';
import { createHttpApp } from '@hexcast/adapters-http';
import type { AppController, Logger } from '@hexcast/core';
import { TOKENS } from './tokens.ts';

/** The Hono app with every route, over the AppController; chat sockets upgrade through `@hono/node-server`. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpApp)
    .toResolvedValue(
      (controller: AppController, logger: Logger) => createHttpApp(controller, { logger: logger.child({ component: 'http' }), peerAddress: (c) => getConnInfo(c).remote.address, upgradeWebSocket }),
      [TOKENS.AppController, TOKENS.Logger],
    )
    .inSingletonScope();
});
