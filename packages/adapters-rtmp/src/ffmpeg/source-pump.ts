import type { Writable } from 'node:stream';
import { FlvAudioProbe } from './flv-audio-probe.ts';

/** The start of a source, read until it is known whether it carries audio. */
export interface ProbedSource {
  /** Everything read so far, in order, for ffmpeg to get first. */
  readonly head: readonly Uint8Array[];
  readonly audio: boolean;
  /** kbps of video the source's metadata announced (0: none), and the rate its first video tags showed (0: too little seen). */
  readonly video: { readonly announcedKbps: number; readonly measuredKbps: number };
  /** false when the source closed, errored or was cancelled while being probed. */
  readonly open: boolean;
}

/** Reads `reader` until an `FlvAudioProbe` has a verdict (or the source ends). */
export async function probeSource(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ProbedSource> {
  const probe = new FlvAudioProbe();
  const head: Uint8Array[] = [];
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      head.push(read.value);
      const audio = probe.push(read.value);
      if (audio !== undefined) return { head, audio, video: videoOf(probe), open: true };
    }
  } catch {
    // An erroring source is a dropped publisher: its input ended all the same.
  }
  return { head, audio: probe.settle(), video: videoOf(probe), open: false };
}

function videoOf(probe: FlvAudioProbe): ProbedSource['video'] {
  return { announcedKbps: probe.announcedVideoKbps, measuredKbps: probe.measuredVideoKbps };
}

/** Why pumping stopped: the source ended (closed, errored or cancelled), or ffmpeg's stdin closed. */
export type PumpEnd = 'source-ended' | 'stdin-closed';

/**
 * Copies `head`, then the rest of `reader`, into ffmpeg's stdin, waiting for 'drain' whenever
 * the pipe is full, so a slow encoder slows the reading (and the ingest bounds its own queue).
 * Ends stdin once the source ends, so ffmpeg finishes its files and exits.
 */
export async function pumpSource(head: readonly Uint8Array[], reader: ReadableStreamDefaultReader<Uint8Array>, stdin: Writable): Promise<PumpEnd> {
  for (const chunk of head) if (!(await write(stdin, chunk))) return 'stdin-closed';
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (!(await write(stdin, read.value))) return 'stdin-closed';
    }
  } catch {
    // As in probeSource: an erroring source has ended.
  }
  stdin.end();
  return 'source-ended';
}

/** Writes one chunk; resolves false when stdin is closed or broken rather than writable again. */
async function write(stdin: Writable, chunk: Uint8Array): Promise<boolean> {
  if (stdin.destroyed || stdin.writableEnded) return false;
  if (stdin.write(chunk)) return true;
  return new Promise<boolean>((resolve) => {
    const settle = (writable: boolean) => () => {
      stdin.off('drain', onDrain).off('close', onClose).off('error', onClose);
      resolve(writable);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    stdin.once('drain', onDrain).once('close', onClose).once('error', onClose);
  });
}
