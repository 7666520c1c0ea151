import path from 'node:path';
import { ContainerModule } from 'inversify';
import type { Logger } from '@hexcast/core';
import { FileSystemVideoStorage } from '@hexcast/adapters-fs';
import { FfmpegTranscoder } from '@hexcast/adapters-rtmp';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** Video: ffmpeg transcoding, and HLS files on local disk under `<datadir>/hls`. */
export const videoModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.VideoStorage)
    .toResolvedValue((config: ServerConfig) => new FileSystemVideoStorage({ root: path.join(config.dataDir, 'hls') }), [TOKENS.Config])
    .inSingletonScope();
  bind(TOKENS.Transcoder)
    .toResolvedValue((config: ServerConfig, logger: Logger) => new FfmpegTranscoder({ logger: logger.child({ component: 'transcoder' }), logDir: config.logDir }), [TOKENS.Config, TOKENS.Logger])
    .inSingletonScope();
});
