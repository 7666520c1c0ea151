import type { Logger } from '@hexcast/core';
import { nmsContext, nmsLogger } from './nms-internals.ts';

const OWNER = Symbol.for('hexcast.adapters-rtmp.nms-owner');

type Claimable = { [OWNER]?: object };

/**
 * nms keeps process-wide state in module singletons: its stream path → broadcast registry (two
 * ingest servers would share `/live/<key>` paths) and a console logger forced to debug. The
 * running ingest claims that state: a second claim fails fast, and nms's log lines go to the
 * owner's logger at debug (stream keys redacted), never to stdout. The mark lives on nms's own module object so a copy
 * of this module loaded twice (test isolation) still sees it.
 */
export function claimNodeMediaServer(owner: object, logger: Logger): void {
  const context = nmsContext as Claimable;
  const current = context[OWNER];
  if (current !== undefined && current !== owner) {
    throw new Error('another RTMP ingest is already running in this process: node-media-server keeps one stream registry per process');
  }
  context[OWNER] = owner;
  const log = logger.child({ source: 'node-media-server' });
  nmsLogger.log = (message, level = 'info') => log.debug({ nmsLevel: level }, redactStreamKeys(String(message)));
}

/** Gives the process-wide nms state back; nms then logs nowhere. No-op for a non-owner. */
export function releaseNodeMediaServer(owner: object): void {
  const context = nmsContext as Claimable;
  if (context[OWNER] !== owner) return;
  delete context[OWNER];
  nmsLogger.log = () => undefined;
}

/** nms prints stream paths (`/live/<key>`, `name=<key>`); the key is the publisher's password. */
export function redactStreamKeys(message: string): string {
  return message.replace(/(\/[\w-]*\/)[\w-]+/g, '$1***').replace(/name=[^,\s]*/g, 'name=***');
}
