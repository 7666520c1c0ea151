import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeLoggerContract, type LoggedEntry, type LogLevel } from '@hexcast/core/testing';
import { PinoLogger } from './pino-logger.ts';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  // No output at all is no lines, not one empty line.
  const lines = () => chunks.join('').split('\n').filter((line) => line !== '');
  return { stream, lines: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** pino's numeric levels for the four the port has. */
const LEVELS: Readonly<Record<number, LogLevel>> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error' };

/** A JSON line as the contract's entry: everything but level and msg is a field (bindings included). */
function toEntry({ level, msg, ...fields }: Record<string, unknown>): LoggedEntry {
  const known = LEVELS[Number(level)];
  if (known === undefined) throw new Error(`unexpected pino level ${String(level)}`);
  return { level: known, message: String(msg), fields };
}

describe('PinoLogger', () =>
  describeLoggerContract(() => {
    const out = capture();
    const logger = new PinoLogger({ level: 'debug', streams: [out.stream] });
    return {
      logger,
      entries: async () => {
        await logger.flush();
        return out.lines().map(toEntry);
      },
    };
  }));

describe('PinoLogger', () => {
  it('writes JSON lines with fields, message and child bindings', async () => {
    const out = capture();
    const logger = new PinoLogger({ streams: [out.stream] });
    logger.child({ component: 'rtmp' }).info({ port: 1935 }, 'listening');
    await logger.flush();
    expect(out.lines()[0]).toMatchObject({ level: 30, component: 'rtmp', port: 1935, msg: 'listening' });
  });
  it('redacts secrets at the top level and one level down', async () => {
    const out = capture();
    const logger = new PinoLogger({ streams: [out.stream] });
    logger.warn({ password: 'hunter2', streamKey: 'abc123', request: { authorization: 'Basic eDp5', token: 't0k' }, accessToken: 'zzz' }, 'login');
    await logger.flush();
    const text = JSON.stringify(out.lines());
    for (const secret of ['hunter2', 'abc123', 'Basic eDp5', 't0k', 'zzz']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
  it('drops debug lines unless the level is debug', async () => {
    const quiet = capture();
    const info = new PinoLogger({ streams: [quiet.stream] });
    info.debug({}, 'hidden');
    info.info({}, 'shown');
    await info.flush();
    expect(quiet.lines().map((l) => l.msg)).toEqual(['shown']);
    const loud = capture();
    const debug = new PinoLogger({ level: 'debug', streams: [loud.stream] });
    debug.debug({}, 'visible');
    await debug.flush();
    expect(loud.lines().map((l) => l.msg)).toEqual(['visible']);
  });
});
