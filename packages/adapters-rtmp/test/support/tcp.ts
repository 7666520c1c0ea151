import { connect, createServer, type Socket } from 'node:net';

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address !== 'object') throw new Error('no address');
  return address.port;
}

export interface RawClient {
  readonly socket: Socket;
  /** Resolves with ms from connect to close, whoever closed. */
  readonly closed: Promise<number>;
  /** Whether the server (not us) closed or reset the connection. */
  readonly closedByServer: () => boolean;
}

/** Opens a TCP connection that swallows whatever the server sends. */
export async function openRaw(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const openedAt = performance.now();
  let byServer = false;
  socket.on('data', () => undefined);
  socket.on('end', () => (byServer = true));
  socket.on('error', () => (byServer = true));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - openedAt)));
  return { socket, closed, closedByServer: () => byServer };
}

/** Resolves true if `promise` settles within `ms`. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
