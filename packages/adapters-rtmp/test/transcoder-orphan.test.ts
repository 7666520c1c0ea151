import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning, waitForExit } from './support/processes.ts';

const logDir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-orphan-'));
let ffmpegPid: number | undefined;

afterAll(() => {
  // Should the test fail, leave nothing behind.
  if (ffmpegPid !== undefined && isRunning(ffmpegPid)) process.kill(ffmpegPid, 'SIGKILL');
  rmSync(logDir, { recursive: true, force: true });
});

describe('FfmpegTranscoder process hygiene', { timeout: 30_000 }, () => {
  it('leaves no ffmpeg behind when our process is SIGKILLed', async () => {
    // Node 24 runs the .ts child directly (type stripping).
    const child = spawn(process.execPath, [join(import.meta.dirname, 'support/orphan-child.ts'), logDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    ffmpegPid = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before starting ffmpeg: ${stderr}`)));
    });
    expect(isRunning(ffmpegPid)).toBe(true);
    const killedAt = performance.now();
    child.kill('SIGKILL');
    expect(await waitForExit(ffmpegPid, 5_000)).toBe(true);
    console.log(`ffmpeg ${ffmpegPid} was gone ${Math.round(performance.now() - killedAt)} ms after its parent was SIGKILLed`);
  });
});
