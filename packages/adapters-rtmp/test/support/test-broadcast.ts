import { spawn, type ChildProcess } from 'node:child_process';
import { Readable } from 'node:stream';

const children = new Set<ChildProcess>();

export interface TestBroadcastOptions {
  /** Include the 440 Hz tone (default true). */
  readonly audio?: boolean;
  /** Picture size, default 640x360. */
  readonly size?: string;
  /** Video bitrate the encoder announces in its metadata (as OBS does); none by default. */
  readonly videoBitrate?: string;
  /** Flag audio in the FLV header even without audio, as node-media-server always does. */
  readonly flagAudio?: boolean;
}

/**
 * A live FLV broadcast as an encoder sends it (ffmpeg's test pattern at real time, H.264 and
 * AAC, no end), as a web stream. Cancelling it kills that ffmpeg.
 */
export function testBroadcast(options: TestBroadcastOptions = {}): ReadableStream<Uint8Array> {
  const audio = options.audio ?? true;
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${options.size ?? '640x360'}:rate=30`],
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=440'] : []),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30'],
    ...(options.videoBitrate !== undefined ? ['-b:v', options.videoBitrate] : []),
    ...(audio ? ['-c:a', 'aac'] : []),
    ...['-f', 'flv', 'pipe:1'],
  ];
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.add(child);
  child.once('close', () => children.delete(child));
  const reader = (Readable.toWeb(child.stdout) as ReadableStream<Uint8Array>).getReader();
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const read = await reader.read();
      if (read.done) return controller.close();
      // Byte 4 of the FLV header holds the audio (0x04) and video (0x01) flags.
      if (first && options.flagAudio === true && read.value.length > 4) read.value[4] = (read.value[4] ?? 0) | 0x04;
      first = false;
      controller.enqueue(read.value);
    },
    cancel: async () => {
      child.kill('SIGKILL');
      await reader.cancel().catch(() => undefined);
    },
  });
}

/** Kills any broadcast a failed test left running. */
export function killBroadcasts(): void {
  for (const child of children) child.kill('SIGKILL');
}
