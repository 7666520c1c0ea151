import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPingable, keepAlive, type PingableSocket } from './keepalive.ts';

class FakeSocket implements PingableSocket {
  pings = 0;
  terminated = false;
  #pong: (() => void) | undefined;
  ping(): void {
    this.pings++;
  }
  terminate(): void {
    this.terminated = true;
  }
  on(_event: 'pong', listener: () => void): this {
    this.#pong = listener;
    return this;
  }
  off(): this {
    this.#pong = undefined;
    return this;
  }
  pong(): void {
    this.#pong?.();
  }
  get listening(): boolean {
    return this.#pong !== undefined;
  }
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('keepAlive', () => {
  it('pings every 54 s and keeps a socket that answers', () => {
    const socket = new FakeSocket();
    keepAlive(socket);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(54_000);
      socket.pong();
    }
    expect(socket.pings).toBe(10);
    expect(socket.terminated).toBe(false);
  });

  it('drops a socket 60 s after its last pong', () => {
    const socket = new FakeSocket();
    keepAlive(socket);
    vi.advanceTimersByTime(54_000);
    socket.pong();
    vi.advanceTimersByTime(59_999);
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(socket.terminated).toBe(true);
    expect(socket.listening).toBe(false);
    const pings = socket.pings;
    vi.advanceTimersByTime(200_000);
    expect(socket.pings).toBe(pings);
  });

  it('does nothing more once stopped, and a throwing ping does not escape', () => {
    const socket = new FakeSocket();
    socket.ping = () => {
      throw new Error('not open');
    };
    const stop = keepAlive(socket, { pingIntervalMs: 10, pongTimeoutMs: 1_000 });
    vi.advanceTimersByTime(50);
    stop();
    stop();
    vi.advanceTimersByTime(5_000);
    expect(socket.terminated).toBe(false);
    expect(socket.listening).toBe(false);
  });

  it('recognises sockets it can ping', () => {
    expect(isPingable(new FakeSocket())).toBe(true);
    for (const raw of [undefined, null, {}, { ping() {} }, 'ws']) expect(isPingable(raw)).toBe(false);
  });
});
