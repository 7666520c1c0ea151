import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import type { AppController } from '@hexcast/core';
import type { ServerConfig } from './config.ts';
import { buildContainer } from './container/build-container.ts';
import type { ServerLogger } from './logging.ts';
import { createWebServer } from './web-server.ts';

export interface RunningServer {
  readonly controller: AppController;
  /** `http://host:port` the web server listens on */
  readonly url: string;
  readonly rtmpPort: number;
  /** Stops ingest (and any ffmpeg), closes HTTP and the database, flushes logs; runs once. */
  stop(): Promise<void>;
}

/** Builds the container, starts the application, then the HTTP server. */
export async function startServer(config: ServerConfig, logger: ServerLogger): Promise<RunningServer> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const container = await buildContainer(config, logger, { logHistory: logger.history });
  const database = await container.resolve('Database');
  const controller = await container.resolve('AppController');
  try {
    await controller.start();
  } catch (error) {
    await controller.stop().catch(() => undefined);
    database.close();
    throw error;
  }
  const app = await container.resolve('HttpApp');
  const server = controller.settings.get('server');
  const hostname = config.webServerIp ?? server.webServerIp;
  const port = config.webServerPort ?? server.webServerPort;
  const web = createWebServer({ api: controller, app, trustedProxies: config.trustedProxies, onError: (error) => logger.error({ err: error }, 'unhandled error serving video') });
  const httpServer = await listen(web.server, port, hostname).catch(async (error: unknown) => {
    await controller.stop();
    database.close();
    throw error;
  });
  const address = httpServer.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const rtmp = controller.rtmpEndpoint();
  logger.info({ url, rtmp: rtmp && `rtmp://${rtmp.host}:${rtmp.port}/live` }, 'hexcast is running');
  let stopping: Promise<void> | undefined;
  return {
    controller,
    url,
    rtmpPort: rtmp?.port ?? 0,
    stop: () =>
      (stopping ??= (async () => {
        await web.close();
        await controller.stop();
        database.close();
        logger.info({}, 'hexcast stopped');
        await logger.flush();
      })()),
  };
}

function listen(server: http.Server, port: number, hostname: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.listen(port, hostname, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `the web server port ${port} on ${hostname} is already in use` : `cannot listen on ${hostname}:${port}: ${error.message}`, { cause: error })),
    );
  });
}
