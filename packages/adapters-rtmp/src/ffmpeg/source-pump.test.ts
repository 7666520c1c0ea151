import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { probeSource, pumpSource } from './source-pump.ts';

const CHUNK = 16 * 1024;

/** A source of `count` chunks, counting how many were pulled; errors after them when `fail` is set. */
function countingSource(count: number, fail = false) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        if (pulled === count) return fail ? controller.error(new Error('publisher dropped')) : controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(CHUNK));
      },
    },
    { highWaterMark: 0 },
  );
  return { reader: stream.getReader(), pulled: () => pulled };
}

/** A pipe that takes a chunk every few milliseconds, like a busy encoder. */
function slowStdin(onWrite: () => void = () => undefined) {
  let written = 0;
  const stdin = new Writable({
    highWaterMark: 2 * CHUNK,
    write: (_chunk, _encoding, callback) => {
      written++;
      onWrite();
      setTimeout(callback, 2);
    },
  });
  return { stdin, written: () => written };
}

describe('pumpSource', () => {
  it('reads no faster than the encoder takes the bytes, then ends its input', async () => {
    const source = countingSource(60);
    let maxAhead = 0;
    const pipe = slowStdin(() => (maxAhead = Math.max(maxAhead, source.pulled() - pipe.written())));
    expect(await pumpSource([], source.reader, pipe.stdin)).toBe('source-ended');
    expect(pipe.stdin.writableEnded).toBe(true);
    // The pipe buffers two chunks; the pump holds at most one more.
    expect(maxAhead).toBeLessThanOrEqual(4);
    await new Promise((resolve) => pipe.stdin.once('finish', resolve));
    expect(pipe.written()).toBe(60);
  });

  it('writes the probed head first', async () => {
    const chunks: number[] = [];
    const stdin = new Writable({ write: (chunk: Buffer, _encoding, callback) => (chunks.push(chunk.length), callback()) });
    await pumpSource([new Uint8Array(3), new Uint8Array(5)], countingSource(1).reader, stdin);
    expect(chunks).toEqual([3, 5, CHUNK]);
  });

  it('treats an erroring source as ended', async () => {
    const pipe = slowStdin();
    expect(await pumpSource([], countingSource(3, true).reader, pipe.stdin)).toBe('source-ended');
    expect(pipe.stdin.writableEnded).toBe(true);
  });

  it('stops when ffmpeg’s stdin closes, leaving the source to its owner', async () => {
    const source = countingSource(1_000);
    const pipe = slowStdin();
    setTimeout(() => pipe.stdin.destroy(), 20);
    expect(await pumpSource([], source.reader, pipe.stdin)).toBe('stdin-closed');
    expect(source.pulled()).toBeLessThan(1_000);
  });
});

describe('probeSource', () => {
  it('stops reading at the verdict and hands back what it read', async () => {
    const header = Uint8Array.from([0x46, 0x4c, 0x56, 1, 0x01, 0, 0, 0, 9, 0, 0, 0, 0]);
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(header);
        controller.enqueue(new Uint8Array(10));
      },
    });
    const probed = await probeSource(stream.getReader());
    expect(probed).toEqual({ head: [header], audio: false, video: { announcedKbps: 0, measuredKbps: 0 }, open: true });
  });

  it('reports a source that ended before a verdict', async () => {
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    expect(await probeSource(stream.getReader())).toEqual({ head: [], audio: false, video: { announcedKbps: 0, measuredKbps: 0 }, open: false });
  });
});
