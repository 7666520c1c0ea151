import type { Logger, TranscodeRequest, Transcoder, VideoCodec } from '@hexcast/core';
import { FfmpegTranscodeJob } from './ffmpeg-transcode-job.ts';
import { makeOfflineClip } from './offline-clip.ts';
import { cachePerPath } from './per-path-cache.ts';
import { runFfmpeg } from './run-ffmpeg.ts';
import { detectSupportedCodecs } from './supported-codecs.ts';

export interface FfmpegTranscoderOptions {
  readonly logger: Logger;
  /** Where `transcoder.log` (ffmpeg's own messages, a header line per job; one previous file kept as `.1`) is appended; created when missing. */
  readonly logDir: string;
}

/**
 * `Transcoder` on ffmpeg (the system's, or `ffmpegPath`; '' means `ffmpeg` on the PATH), in the
 * shape of Owncast's transcoder.
 *
 * Each job runs one ffmpeg that reads the broadcaster's FLV on stdin and makes the whole HLS
 * ladder (`buildFfmpegArgs`). ffmpeg's HLS muxer PUTs the master playlist, the variant playlists
 * and the segments to a loopback HTTP receiver on a free port, which passes each file to
 * `request.output` (segments before the playlists naming them). ffmpeg never deletes segments:
 * the output retires them. ffmpeg starts once the source's first bytes tell whether it has
 * audio (a video-only source needs a map without audio). Every ~15 s, and shortly after the
 * first segment, `thumbnail.jpg` and `preview.gif` are made from variant 0's newest segment.
 * ffmpeg's stderr is appended to `<logDir>/transcoder.log` (at 10 MiB it becomes
 * `transcoder.log.1` and a new one starts); a failed job reports its last lines. A passthrough
 * variant of a source whose metadata announces no video bitrate gets the rate its first video
 * tags show as its bandwidth, without which ffmpeg would leave it out of the master playlist.
 *
 * No ffmpeg outlives us: execa kills it when our process exits, and, should we be SIGKILLed,
 * its stdin reaches EOF and it ends by itself.
 *
 * `start` rejects, naming the path, when ffmpeg cannot be run. `supportedCodecs` and
 * `offlineClip` are worked out once per ffmpeg path.
 */
export class FfmpegTranscoder implements Transcoder {
  readonly #options: FfmpegTranscoderOptions;
  readonly #runnable = cachePerPath(async (ffmpegPath) => void (await runFfmpeg(ffmpegPath, ['-hide_banner', '-version'], { timeoutMs: 10_000 })));
  readonly #codecs = cachePerPath(detectSupportedCodecs);
  readonly #offlineClip = cachePerPath(makeOfflineClip);

  constructor(options: FfmpegTranscoderOptions) {
    this.#options = options;
  }

  /** Rejects when ffmpeg cannot be run at `request.ffmpegPath` or the ladder is empty. */
  async start(request: TranscodeRequest): Promise<FfmpegTranscodeJob> {
    if (request.variants.length === 0) throw new RangeError('a transcode needs at least one output variant');
    await this.#runnable(request.ffmpegPath);
    return FfmpegTranscodeJob.start({ request, logger: this.#options.logger, logDir: this.#options.logDir });
  }

  async supportedCodecs(ffmpegPath: string): Promise<VideoCodec[]> {
    return [...(await this.#codecs(ffmpegPath))];
  }

  async offlineClip(ffmpegPath: string): Promise<{ body: Uint8Array; durationSeconds: number }> {
    const clip = await this.#offlineClip(ffmpegPath);
    // A copy: the cached bytes must stay the same whatever a caller does with its own.
    return { body: clip.body.slice(), durationSeconds: clip.durationSeconds };
  }
}
