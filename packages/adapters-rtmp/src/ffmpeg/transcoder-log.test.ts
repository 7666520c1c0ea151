import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLogger } from '@hexcast/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSCODER_LOG_FILE, TranscoderLog } from './transcoder-log.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const current = () => join(dir, TRANSCODER_LOG_FILE);
const previous = () => `${current()}.1`;
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

describe('TranscoderLog', () => {
  it('appends tagged lines after the command and keeps the last ones for the exit report', async () => {
    writeFileSync(current(), 'an earlier job\n');
    const log = new TranscoderLog({ logDir: dir, jobId: 'j1', logger: new MemoryLogger() });
    log.started(['ffmpeg', '-i', 'pipe:0', "it's"]);
    for (let i = 0; i < 25; i++) log.line(`warning ${i}`);
    log.line('   ');
    await log.close();
    const written = lines(current());
    expect(written[0]).toBe('an earlier job');
    expect(written[1]).toMatch(/^\S+Z \[j1\] ffmpeg -i pipe:0 'it'\\''s'$/);
    expect(written).toHaveLength(27);
    expect(log.lastLines).toEqual(Array.from({ length: 20 }, (_, i) => `warning ${i + 5}`));
  });

  it('rotates at its size: the full file becomes transcoder.log.1, replacing the older one', async () => {
    writeFileSync(previous(), 'the oldest lines\n');
    const log = new TranscoderLog({ logDir: dir, jobId: 'j2', logger: new MemoryLogger(), maxBytes: 4096 });
    for (let i = 0; i < 200; i++) log.line(`line ${i} ${'x'.repeat(40)}`);
    await log.close();
    // 200 lines of ~75 bytes: 15 KB through a 4 KiB bound, so it rotated several times.
    expect(statSync(current()).size).toBeLessThan(4096);
    expect(statSync(previous()).size).toBeGreaterThanOrEqual(4096);
    expect(statSync(previous()).size).toBeLessThan(4096 + 100);
    const kept = [...lines(previous()), ...lines(current())];
    expect(kept.at(-1)).toContain('line 199 ');
    expect(kept.join('\n')).not.toContain('the oldest lines');
    // Nothing lost or reordered across the last rotation.
    const numbers = kept.map((line) => Number(/line (\d+) /.exec(line)?.[1]));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });

  it('counts what the file already held when it started', async () => {
    writeFileSync(current(), 'y'.repeat(4000) + '\n');
    const log = new TranscoderLog({ logDir: dir, jobId: 'j3', logger: new MemoryLogger(), maxBytes: 4096 });
    log.line('x'.repeat(100));
    log.line('after the rotation');
    await log.close();
    expect(lines(current())).toEqual([expect.stringMatching(/\[j3\] after the rotation$/)]);
    expect(readFileSync(previous(), 'utf8')).toMatch(/^y{4000}\n.*\[j3\] x{100}\n$/);
  });
});
