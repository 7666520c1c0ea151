import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PinoLogger } from './pino-logger.ts';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

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
