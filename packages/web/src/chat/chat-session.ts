import { ApiError, api, type ChatUser } from '../shared/api.ts';
import { applyEvent, sortByTime, type ChatEntry } from './chat-model.ts';

/** `off`: the server said chat is turned off; the session looks every 10 s for it to come back. */
export type ChatStatus = 'connecting' | 'open' | 'reconnecting' | 'banned' | 'off';

export interface ChatSnapshot {
  readonly status: ChatStatus;
  readonly user: ChatUser | undefined;
  readonly entries: readonly ChatEntry[];
}

export interface ChatSessionOptions {
  /** Where the chat socket is when it is not this page's host (the admin's socket host override: a URL such as `wss://chat.example.com`, or a bare host). */
  readonly socketHost?: string;
  readonly storage?: Storage;
}

const TOKEN_KEY = 'hexcast.chat.accessToken';
const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000, 10_000];
const CHAT_OFF_CHECK_MS = 10_000;

/**
 * One viewer's chat connection. Registers once (`POST /api/chat/register`) and keeps the access
 * token in localStorage so the same identity returns; loads history, then follows `/ws`. After a
 * drop it reconnects by itself with backoff and merges the history it missed; a token the server
 * no longer knows is replaced by a fresh registration; a banned user is not reconnected; while
 * chat is turned off no socket is tried.
 */
export class ChatSession {
  readonly #options: ChatSessionOptions;
  readonly #listeners = new Set<(snapshot: ChatSnapshot) => void>();
  #snapshot: ChatSnapshot = { status: 'connecting', user: undefined, entries: [] };
  #socket: WebSocket | undefined;
  #token: string | undefined;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #suspended = false;
  /** Bumped by suspend/resume, so a connection attempt begun before either gives up. */
  #generation = 0;

  constructor(options: ChatSessionOptions = {}) {
    this.#options = options;
  }

  get snapshot(): ChatSnapshot {
    return this.#snapshot;
  }

  get accessToken(): string | undefined {
    return this.#token;
  }

  subscribe(listener: (snapshot: ChatSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket?.close();
  }

  /**
   * Chat turned off by the admin: closes the socket and stops reconnecting (the server would
   * refuse every attempt); what was said stays in the log. Until `resume`, a start or a
   * reconnect only loads the history.
   */
  suspend(): void {
    if (this.#suspended) return;
    this.#suspended = true;
    this.#generation += 1;
    clearTimeout(this.#timer);
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close();
  }

  /** Chat is on again: connects at once (history first, so what was said meanwhile shows). */
  resume(): void {
    if (!this.#suspended) return;
    this.#suspended = false;
    this.#generation += 1;
    this.#attempt = 0;
    void this.#connect();
  }

  /** Sends a message; false when the socket is not open (the text stays with the caller). */
  send(body: string): boolean {
    return this.#write({ type: 'CHAT', body });
  }

  rename(newName: string): boolean {
    return this.#write({ type: 'NAME_CHANGE', newName });
  }

  setColor(newColor: number): boolean {
    return this.#write({ type: 'COLOR_CHANGE', newColor });
  }

  #write(event: Record<string, unknown>): boolean {
    if (this.#socket?.readyState !== WebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify(event));
    return true;
  }

  #update(patch: Partial<ChatSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener(this.#snapshot);
  }

  #fold(events: unknown[]): void {
    let entries = this.#snapshot.entries;
    for (const event of events) if (event !== null && typeof event === 'object') entries = applyEvent(entries, event as Record<string, unknown>);
    if (entries !== this.#snapshot.entries) this.#update({ entries });
  }

  async #loadToken(): Promise<string> {
    const storage = this.#options.storage ?? localStorage;
    const stored = storage.getItem(TOKEN_KEY);
    if (stored) return stored;
    const registration = await api.register();
    storage.setItem(TOKEN_KEY, registration.accessToken);
    return registration.accessToken;
  }

  #forgetToken(): void {
    (this.#options.storage ?? localStorage).removeItem(TOKEN_KEY);
    this.#token = undefined;
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const generation = this.#generation;
    try {
      this.#token = await this.#loadToken();
      const history = await api.history(this.#token);
      if (generation !== this.#generation) return;
      this.#fold(history);
      this.#update({ entries: sortByTime(this.#snapshot.entries) });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) this.#forgetToken();
      return generation === this.#generation ? this.#retry() : undefined;
    }
    if (this.#suspended || this.#stopped) return;
    const socket = new WebSocket(`${socketOrigin(this.#options.socketHost)}/ws?accessToken=${encodeURIComponent(this.#token)}`);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#update({ status: 'open' });
    };
    socket.onmessage = (message) => this.#receive(String(message.data));
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      if (this.#snapshot.status !== 'banned') this.#retry();
    };
  }

  #receive(frame: string): void {
    const events: unknown[] = [];
    for (const line of frame.split('\n')) {
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        // a malformed line is skipped; the others in the frame still count
      }
    }
    for (const event of events as Array<Record<string, unknown>>) {
      if (event.type === 'CONNECTED_USER_INFO') this.#update({ user: event.user as ChatUser });
      if (event.type === 'ERROR_NEEDS_REGISTRATION') this.#forgetToken();
      if (event.type === 'ERROR_USER_DISABLED') this.#update({ status: 'banned' });
      if (event.type === 'CHAT_DISABLED') void this.#onChatDisabled();
    }
    this.#fold(events);
  }

  /**
   * CHAT_DISABLED is both Owncast's ban and the admin turning chat off (the server then closes
   * every socket): the config tells which. Until it does, nothing reconnects.
   */
  async #onChatDisabled(): Promise<void> {
    this.#update({ status: 'off' });
    const config = await api.config().catch(() => undefined);
    if (this.#snapshot.status !== 'off') return;
    if (config?.chatDisabled === true) this.#waitForChat();
    else this.#update({ status: 'banned' });
  }

  #waitForChat(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      const config = await api.config().catch(() => undefined);
      if (this.#stopped || this.#suspended || this.#snapshot.status !== 'off') return;
      if (config?.chatDisabled !== false) return this.#waitForChat();
      this.#attempt = 0;
      void this.#connect();
    }, CHAT_OFF_CHECK_MS);
  }

  #retry(): void {
    if (this.#stopped || this.#suspended || this.#snapshot.status === 'banned' || this.#snapshot.status === 'off') return;
    this.#update({ status: this.#snapshot.user ? 'reconnecting' : 'connecting' });
    const delay = BACKOFF_MS[Math.min(this.#attempt, BACKOFF_MS.length - 1)]!;
    this.#attempt += 1;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#connect(), delay);
  }
}

/** `ws(s)://host` of the chat socket: the override's (http → ws, https → wss), else this page's. */
export function socketOrigin(override: string | undefined, page: Pick<Location, 'protocol' | 'host'> = location): string {
  if (override && URL.canParse(override)) {
    const url = new URL(override);
    if (/^(wss?|https?):$/.test(url.protocol)) return `${url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss' : 'ws'}://${url.host}`;
  }
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${override || page.host}`;
}
