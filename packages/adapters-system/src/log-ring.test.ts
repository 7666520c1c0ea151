import { describe, expect, it } from 'vitest';
import { describeLogHistoryContract } from '@hexcast/core/testing';
import { LogRing, MAX_LOG_MESSAGE_CHARS } from './log-ring.ts';
import { PinoLogger } from './pino-logger.ts';

function harness(capacity = 1000) {
  const history = new LogRing({ capacity });
  const logger = new PinoLogger({ level: 'debug', streams: [history] });
  return { history, logger };
}

describe('LogRing behind a PinoLogger', () => {
  describeLogHistoryContract(
    () => {
      const { history, logger } = harness(40);
      return { history, write: (level, message) => logger[level]({}, message) };
    },
    { capacity: 40 },
  );

  it('keeps lines as written to the log: secrets redacted, error texts added', () => {
    const { history, logger } = harness();
    logger.info({ password: 'hunter2', user: { accessToken: 'tok-123' } }, 'signed in');
    logger.child({ component: 'chat' }).error({ err: new Error('database is locked') }, 'could not save');
    const lines = history.recent();
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['info', 'signed in'],
      ['error', 'could not save: database is locked'],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|tok-123/);
  });

  it('bounds each message and keeps lines that are not JSON', () => {
    const history = new LogRing();
    history.write(`${JSON.stringify({ level: 40, time: 1_700_000_000_000, msg: 'x'.repeat(10_000) })}\n`);
    history.write('plain text\n');
    const [long, plain] = history.recent();
    expect(long).toEqual({ level: 'warn', time: new Date(1_700_000_000_000), message: 'x'.repeat(MAX_LOG_MESSAGE_CHARS) });
    expect(plain).toMatchObject({ level: 'info', message: 'plain text' });
    expect(history.recent('warn')).toHaveLength(1);
  });
});
