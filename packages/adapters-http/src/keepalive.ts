/** What a transport socket needs for transport-level keepalive (the `ws` package's WebSocket has it). */
export interface PingableSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong', listener: () => void): unknown;
  off(event: 'pong', listener: () => void): unknown;
}

export interface KeepaliveOptions {
  /** how often to ping (Owncast: 54 s) */
  readonly pingIntervalMs?: number;
  /** how long a socket may stay without a pong before it is dropped (Owncast: 60 s) */
  readonly pongTimeoutMs?: number;
}

export const CHAT_PING_INTERVAL_MS = 54_000;
export const CHAT_PONG_TIMEOUT_MS = 60_000;

/** Whether the runtime's raw socket can be pinged (Node with `ws` can; other runtimes do their own). */
export function isPingable(raw: unknown): raw is PingableSocket {
  const socket = raw as Partial<PingableSocket> | null | undefined;
  return typeof socket?.ping === 'function' && typeof socket.terminate === 'function' && typeof socket.on === 'function' && typeof socket.off === 'function';
}

/**
 * Pings the socket every interval and terminates it when no pong arrived for the timeout, so
 * dead peers (a laptop lid closed, a NAT that forgot the connection) do not hold chat sockets
 * forever. Returns the function that stops it (call it when the socket closes).
 */
export function keepAlive(socket: PingableSocket, options: KeepaliveOptions = {}): () => void {
  const interval = options.pingIntervalMs ?? CHAT_PING_INTERVAL_MS;
  const timeout = options.pongTimeoutMs ?? CHAT_PONG_TIMEOUT_MS;
  const expire = () => {
    stop();
    socket.terminate();
  };
  let deadline = setTimeout(expire, timeout);
  const onPong = () => {
    clearTimeout(deadline);
    deadline = setTimeout(expire, timeout);
  };
  const pinger = setInterval(() => {
    try {
      socket.ping();
    } catch {
      // not open any more: the close handler stops us
    }
  }, interval);
  socket.on('pong', onPong);
  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(deadline);
    clearInterval(pinger);
    socket.off('pong', onPong);
  }
  return stop;
}
