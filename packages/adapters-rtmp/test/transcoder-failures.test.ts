import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LATENCY_LEVELS, OutputVariantSchema, type VideoCodec } from '@hexcast/core';
import { MemoryLogger } from '@hexcast/core/testing';
import { FfmpegTranscoder, type FfmpegTranscodeJob } from '../src/index.ts';
import { waitForExit } from './support/processes.ts';
import { RecordingOutput } from './support/recording-output.ts';
import { killBroadcasts, testBroadcast } from './support/test-broadcast.ts';

const logDir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-failures-'));
const jobs: FfmpegTranscodeJob[] = [];
const VARIANT = OutputVariantSchema.parse({ scaledHeight: 144, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0 });

afterEach(async () => {
  for (const job of jobs.splice(0)) await job.stop();
  killBroadcasts();
});
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

function newTranscoder() {
  return new FfmpegTranscoder({ logger: new MemoryLogger(), logDir });
}

async function startJob(options: { codec?: VideoCodec; ffmpegPath?: string } = {}) {
  const job = await newTranscoder().start({
    source: testBroadcast(),
    output: new RecordingOutput(),
    variants: [VARIANT],
    latency: LATENCY_LEVELS[0],
    codec: options.codec ?? 'libx264',
    ffmpegPath: options.ffmpegPath ?? '',
  });
  jobs.push(job);
  return job;
}

/** Whether something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('FfmpegTranscoder failures', { timeout: 30_000 }, () => {
  it('reports failed, with ffmpeg’s last lines, when ffmpeg dies mid-stream; the receiver is closed', async () => {
    const job = await startJob();
    await job.firstPlaylist;
    const pid = job.pid ?? 0;
    expect(await accepts(job.port)).toBe(true);
    process.kill(pid, 'SIGKILL');
    const exit = await job.exited;
    expect(exit).toMatchObject({ kind: 'failed', message: 'ffmpeg was killed by SIGKILL' });
    expect(await accepts(job.port)).toBe(false);
    expect(await waitForExit(pid, 1_000)).toBe(true);
  });

  it('reports ffmpeg’s own error lines when it cannot encode (a listed but absent hardware encoder)', async () => {
    const job = await startJob({ codec: 'h264_nvenc' });
    const exit = await job.exited;
    expect(exit.kind).toBe('failed');
    if (exit.kind !== 'failed') return;
    expect(exit.message).toMatch(/^ffmpeg exited with code \d+$/);
    expect(exit.lastErrorLines.length).toBeGreaterThan(0);
    expect(exit.lastErrorLines.length).toBeLessThanOrEqual(20);
    await expect(job.firstPlaylist).rejects.toThrow(/failed/);
    expect(readFileSync(join(logDir, 'transcoder.log'), 'utf8')).toContain(exit.lastErrorLines.at(-1));
  });
});
