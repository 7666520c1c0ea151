import WebSocket from 'ws';
import { basicAuth, type ServerProcess } from './server-process.ts';

/** Where a hexcast HTTP surface is: `url` may include a mount path (`http://host:port/live`). */
export type ChatServer = Pick<ServerProcess, 'url'>;

/** A chat event as received (frames split on newlines). */
export interface ReceivedEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** A real WebSocket chat client of a running server, recording every event it receives. */
export class ChatClient {
  readonly events: ReceivedEvent[] = [];
  readonly frames: string[] = [];
  /** transport pings received from the server */
  pings = 0;
  /** resolves with the close code and reason once the socket is closed */
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #socket: WebSocket;
  #waiters: (() => void)[] = [];

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      const frame = String(data);
      this.frames.push(frame);
      for (const line of frame.split('\n')) if (line.trim() !== '') this.events.push(JSON.parse(line) as ReceivedEvent);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    void this.closed.then(() => {
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Opens `/ws?accessToken=…`; resolves once the socket is open (rejects with the HTTP status if refused). */
  static async connect(server: ChatServer, accessToken: string, headers: Record<string, string> = {}, options: { answerPings?: boolean } = {}): Promise<ChatClient> {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws?accessToken=${encodeURIComponent(accessToken)}`, { headers, autoPong: options.answerPings ?? true });
    const client = new ChatClient(socket);
    socket.on('ping', () => client.pings++);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => reject(new RefusedUpgrade(response.statusCode ?? 0, body)));
      });
      socket.once('error', reject);
    });
    return client;
  }

  send(event: object): void {
    this.#socket.send(JSON.stringify(event));
  }

  sendRaw(frame: string | Buffer): void {
    this.#socket.send(frame);
  }

  close(): void {
    this.#socket.close();
  }

  /** The first event (of everything received so far or later) matching; rejects after `timeoutMs`. */
  async waitFor(description: string, match: (event: ReceivedEvent) => boolean, timeoutMs = 10_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${description}; received: ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for an event of this type (and with these fields). */
  waitForType(type: string, fields: (event: ReceivedEvent) => boolean = () => true, timeoutMs?: number): Promise<ReceivedEvent> {
    return this.waitFor(type, (event) => event.type === type && fields(event), timeoutMs);
  }
}

export class RefusedUpgrade extends Error {
  readonly status: number;
  readonly body: string;
  constructor(status: number, body: string) {
    super(`upgrade refused with HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export interface RegisteredUser {
  readonly id: string;
  readonly accessToken: string;
  readonly displayName: string;
}

export async function register(server: ChatServer, displayName?: string): Promise<RegisteredUser> {
  const response = await fetch(`${server.url}/api/chat/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(displayName === undefined ? {} : { displayName }) });
  if (response.status !== 200) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as RegisteredUser;
}

/** Registers and connects; waits for CONNECTED_USER_INFO. */
export async function join(server: ChatServer, displayName: string, headers: Record<string, string> = {}): Promise<{ user: RegisteredUser; client: ChatClient }> {
  const user = await register(server, displayName);
  const client = await ChatClient.connect(server, user.accessToken, headers);
  await client.waitForType('CONNECTED_USER_INFO');
  return { user, client };
}

/** POST JSON as the admin (default password). */
export function adminPost(server: ChatServer, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { ...basicAuth('abc123'), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function adminGet<T>(server: ChatServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: basicAuth('abc123') });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}
