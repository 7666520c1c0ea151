import path from 'node:path';
import { ContainerModule } from 'inversify';
import type { Logger, RemoteVideoStorageFactory, VideoOptions } from '@hexcast/core';
import { FileSystemVideoStorage } from '@hexcast/adapters-fs';
import { FfmpegTranscoder } from '@hexcast/adapters-rtmp';
import { S3VideoStorage } from '@hexcast/adapters-s3';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** `storage.s3` when enabled: a fresh client per stream, so new settings apply to the next stream. */
const s3WhenEnabled: RemoteVideoStorageFactory = ({ s3, videoServingEndpoint }) =>
  s3.enabled
    ? new S3VideoStorage({
        endpoint: s3.endpoint,
        region: s3.region,
        bucket: s3.bucket,
        accessKey: s3.accessKey,
        secret: s3.secret,
        acl: s3.acl,
        pathPrefix: s3.pathPrefix,
        forcePathStyle: s3.forcePathStyle,
        servingEndpoint: videoServingEndpoint,
      })
    : undefined;

/**
 * Video: ffmpeg transcoding; HLS files on local disk under `<datadir>/hls`, with variant
 * playlists and segments in an S3 bucket instead while `storage.s3.enabled` is on.
 */
export const videoModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.VideoStorage)
    // No hot cache: the core's live window already serves every file of the stream from memory,
    // so a cache here would only hold a second copy of each segment.
    .toResolvedValue((config: ServerConfig) => new FileSystemVideoStorage({ root: path.join(config.dataDir, 'hls'), cacheBytes: 0 }), [TOKENS.Config])
    .inSingletonScope();
  bind(TOKENS.VideoOptions)
    .toResolvedValue(
      (config: ServerConfig): VideoOptions => ({ remoteStorage: s3WhenEnabled, ...(config.videoCleanupDelayMs !== undefined ? { cleanupDelayMs: config.videoCleanupDelayMs } : {}) }),
      [TOKENS.Config],
    )
    .inSingletonScope();
  bind(TOKENS.Transcoder)
    .toResolvedValue((config: ServerConfig, logger: Logger) => new FfmpegTranscoder({ logger: logger.child({ component: 'transcoder' }), logDir: config.logDir }), [TOKENS.Config, TOKENS.Logger])
    .inSingletonScope();
});
