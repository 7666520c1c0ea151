import { runFfmpeg } from './run-ffmpeg.ts';

/** How long the offline clip plays. */
export const OFFLINE_CLIP_SECONDS = 8;

const SOURCES = [
  ...['-f', 'lavfi', '-i', `color=c=black:s=1280x720:r=24:d=${OFFLINE_CLIP_SECONDS}`],
  ...['-f', 'lavfi', '-i', 'anullsrc=channel_layout=stereo:sample_rate=48000'],
];
const ENCODE = [
  ...['-t', String(OFFLINE_CLIP_SECONDS), '-map', '0:v', '-map', '1:a'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-g', '48'],
  ...['-c:a', 'aac', '-b:a', '64k', '-f', 'mpegts', 'pipe:1'],
];
const CAPTION = 'drawtext=text=Stream offline:fontcolor=white:fontsize=56:x=(w-text_w)/2:y=(h-text_h)/2';

/**
 * Makes the clip players see after a stream ends: `OFFLINE_CLIP_SECONDS` of 1280x720 24 fps
 * H.264 (yuv420p) with silent stereo AAC at 48 kHz, as MPEG-TS in memory, captioned "Stream
 * offline". drawtext needs an ffmpeg built with freetype and a default font; without them the
 * clip is plain black.
 */
export async function makeOfflineClip(ffmpegPath: string): Promise<{ body: Uint8Array; durationSeconds: number }> {
  const run = (filters: string[]) => runFfmpeg(ffmpegPath, ['-hide_banner', '-loglevel', 'error', ...SOURCES, ...filters, ...ENCODE]);
  const body = await run(['-filter:v', CAPTION]).catch(() => run([]));
  return { body, durationSeconds: OFFLINE_CLIP_SECONDS };
}
