import { ContainerModule } from 'inversify';
import { createAppController, type AssetStore, type ChatRenderer, type Clock, type ContentRenderer, type EmojiStore, type ImageResizer, type IngestServer, type LogHistory, type Logger, type PasswordHasher, type Repositories, type SystemMetrics, type Transcoder, type VideoOptions, type VideoStorage } from '@hexcast/core';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** The application itself, built by the same plain factory integrators use. */
export const coreModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.AppController)
    .toResolvedValue(
      (config: ServerConfig, repositories: Repositories, hasher: PasswordHasher, renderer: ContentRenderer, logger: Logger, clock: Clock, ingest: IngestServer, storage: VideoStorage, transcoder: Transcoder, chatRenderer: ChatRenderer, emoji: EmojiStore, assets: AssetStore, imageResizer: ImageResizer, videoOptions: VideoOptions, logHistory: LogHistory, systemMetrics: SystemMetrics) =>
        createAppController({
          repositories,
          logHistory,
          systemMetrics,
          hasher,
          renderer,
          chatRenderer,
          emoji,
          assets,
          imageResizer,
          logger,
          clock,
          ingest,
          storage,
          videoOptions,
          transcoder,
          // One write per chat socket per event-loop turn, however many messages the turn handled.
          chatOptions: { flushScheduler: setImmediate },
          ...(config.streamKey !== undefined ? { streamKeyOverride: config.streamKey } : {}),
          ...(config.adminPassword !== undefined ? { adminPasswordOverride: config.adminPassword } : {}),
          ...(config.ffmpegPath !== undefined ? { ffmpegPathOverride: config.ffmpegPath } : {}),
          ...(config.rtmpPort !== undefined ? { rtmpPortOverride: config.rtmpPort } : {}),
        }),
      [TOKENS.Config, TOKENS.Repositories, TOKENS.PasswordHasher, TOKENS.ContentRenderer, TOKENS.Logger, TOKENS.Clock, TOKENS.IngestServer, TOKENS.VideoStorage, TOKENS.Transcoder, TOKENS.ChatRenderer, TOKENS.EmojiStore, TOKENS.AssetStore, TOKENS.ImageResizer, TOKENS.VideoOptions, TOKENS.LogHistory, TOKENS.SystemMetrics],
    )
    .inSingletonScope();
});
