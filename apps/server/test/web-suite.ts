import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser } from './browser.ts';
import { publish, type Publisher } from './media-tools.ts';
import { setConfig, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** A 16×16 PNG, for a logo or a custom emoji. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGklEQVR4nGP4v0DhPyWYYdSAUQNGDRguBgAAh56+H+pPFyQAAAAASUVORK5CYII=';

/** One server process, one Chromium and at most one ffmpeg stream, shared by a browser test file. */
export interface WebSuite {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** A fresh browser profile, closed by `stop()`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Starts the real broadcaster on the server's RTMP port with the default stream key; `stop()` ends it. */
  publish(): Publisher;
  /** Closes the profiles and Chromium, ends the stream and the server (its data directory goes after the file). */
  stop(): Promise<void>;
}

/** Starts the server with the current web app build, applies `settings` through the admin API, then launches Chromium. */
export async function startWebSuite(settings: Record<string, unknown>): Promise<WebSuite> {
  const server = await startServerProcess(tempDataDir());
  // The server serves the last good build when the sources do not build: these tests must see the current ones.
  let browser: Browser;
  try {
    expect(server.output()).not.toContain('the web app did not build');
    for (const [name, value] of Object.entries(settings)) await setConfig(server, name, value);
    browser = await launchBrowser();
  } catch (error) {
    server.child.kill('SIGKILL');
    throw error;
  }
  const contexts: BrowserContext[] = [];
  let publisher: Publisher | undefined;
  return {
    server,
    browser,
    async newContext(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    },
    publish() {
      publisher = publish(`rtmp://127.0.0.1:${server.rtmpPort}/live/abc123`);
      return publisher;
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await publisher?.stop();
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}
