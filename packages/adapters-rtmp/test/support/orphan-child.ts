// Run by the orphan test as a separate Node process: starts a transcode on a live test pattern,
// prints ffmpeg's pid once the stream is playable, then idles until it is killed.
import { LATENCY_LEVELS, OutputVariantSchema, type Logger } from '@hexcast/core';
import { FfmpegTranscoder } from '../../src/index.ts';
import { testBroadcast } from './test-broadcast.ts';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };
const transcoder = new FfmpegTranscoder({ logger: quiet, logDir: process.argv[2] ?? '.' });
const job = await transcoder.start({
  source: testBroadcast(),
  output: { write: async () => undefined },
  variants: [OutputVariantSchema.parse({ scaledHeight: 144, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0 })],
  latency: LATENCY_LEVELS[0],
  codec: 'libx264',
  ffmpegPath: '',
});
await job.firstPlaylist;
process.stdout.write(`${job.pid}\n`);
setInterval(() => undefined, 60_000);
