import { describe, expect, it } from 'vitest';
import { socketOrigin } from './chat-session.ts';

describe('socketOrigin', () => {
  const page = { protocol: 'https:', host: 'live.example.com' };
  it("is this page's host, wss on an https page and ws on http", () => {
    expect(socketOrigin(undefined, page)).toBe('wss://live.example.com');
    expect(socketOrigin('', { protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080');
  });

  it("follows the admin's socket host override, a URL (as the admin config validates it) or a bare host", () => {
    expect(socketOrigin('wss://chat.example.com', page)).toBe('wss://chat.example.com');
    expect(socketOrigin('http://chat.example.com:9000/', page)).toBe('ws://chat.example.com:9000');
    expect(socketOrigin('https://chat.example.com', { protocol: 'http:', host: 'x' })).toBe('wss://chat.example.com');
    expect(socketOrigin('chat.example.com:8443', page)).toBe('wss://chat.example.com:8443');
  });
});
