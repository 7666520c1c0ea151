import type { Server } from 'node:net';

/**
 * Binds `server`, rejecting with a readable Error (port in use, no permission, bad host) instead
 * of letting the failure surface as an 'error' event.
 */
export function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      const where = `${host ?? '*'}:${port}`;
      const reason = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new Error(`RTMP ingest cannot listen on ${where}: ${reason}`, { cause: error }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host });
  });
}

/** Stops accepting and resolves once every connection has closed and the port is free. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // ERR_SERVER_NOT_RUNNING only means it is already closed, which is what we want.
    server.close(() => resolve());
  });
}
