import { VIDEO_CODECS, type VideoCodec } from '@hexcast/core';
import { encoderProfile } from './encoder-profiles.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

/**
 * The encoders of `VIDEO_CODECS` this ffmpeg can use, in `VIDEO_CODECS` order. ffmpeg lists
 * every encoder it was built with, hardware ones included whether or not the device exists, so
 * each hardware encoder must also pass a tiny trial encode (with its profile's device flags).
 * Rejects when ffmpeg cannot be run at all.
 */
export async function detectSupportedCodecs(ffmpegPath: string): Promise<VideoCodec[]> {
  const listed = parseEncoderNames(new TextDecoder().decode(await runFfmpeg(ffmpegPath, ['-hide_banner', '-encoders'])));
  const usable: VideoCodec[] = [];
  // One at a time: a trial may briefly hold a GPU, and they fail fast where there is none.
  for (const codec of VIDEO_CODECS) {
    if (listed.has(codec) && (!encoderProfile(codec).hardware || (await trialEncode(ffmpegPath, codec)))) usable.push(codec);
  }
  return usable;
}

/** Encoder names from `ffmpeg -encoders` (lines like ` V....D libx264   libx264 H.264 …`). */
export function parseEncoderNames(listing: string): Set<string> {
  const names = new Set<string>();
  for (const line of listing.split(/\r?\n/)) {
    const name = /^\s*[VAS][.A-Z]{5}\s+([\w-]+)\s/.exec(line)?.[1];
    if (name !== undefined) names.add(name);
  }
  return names;
}

async function trialEncode(ffmpegPath: string, codec: VideoCodec): Promise<boolean> {
  const profile = encoderProfile(codec);
  const filters = profile.filters.length > 0 ? ['-filter:v', profile.filters.join(',')] : [];
  const args = ['-hide_banner', '-loglevel', 'error', ...profile.globalFlags, '-f', 'lavfi', '-i', 'color=s=256x256:d=0.2', ...filters, '-c:v', codec, '-f', 'null', '-'];
  try {
    await runFfmpeg(ffmpegPath, args, { timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}
