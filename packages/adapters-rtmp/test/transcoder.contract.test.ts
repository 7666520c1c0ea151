import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { describeTranscoderContract, MemoryLogger } from '@hexcast/core/testing';
import { FfmpegTranscoder } from '../src/index.ts';
import { killBroadcasts, testBroadcast } from './support/test-broadcast.ts';

const logDir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-contract-'));

afterAll(() => {
  killBroadcasts();
  rmSync(logDir, { recursive: true, force: true });
});

describe('FfmpegTranscoder', () =>
  describeTranscoderContract(() => ({
    transcoder: new FfmpegTranscoder({ logger: new MemoryLogger(), logDir }),
    source: () => testBroadcast(),
  })));
