export { NodeMediaServerIngest, type NodeMediaServerIngestOptions } from './node-media-server-ingest.ts';
export { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.ts';
export { FfmpegTranscoder, type FfmpegTranscoderOptions } from './ffmpeg/ffmpeg-transcoder.ts';
export { FfmpegTranscodeJob } from './ffmpeg/ffmpeg-transcode-job.ts';
export { TRANSCODER_LOG_FILE } from './ffmpeg/transcoder-log.ts';
export { buildFfmpegArgs, type FfmpegArgsOptions } from './ffmpeg/ffmpeg-args.ts';
