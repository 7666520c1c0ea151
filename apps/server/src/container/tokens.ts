import type { AppController, AssetStore, ImageResizer, ChatRenderer, Clock, ContentRenderer, EmojiStore, IngestServer, LogHistory, Logger, PasswordHasher, Repositories, SystemMetrics, Transcoder, VideoOptions, VideoStorage } from '@hexcast/core';
import type { SqliteDatabase } from '@hexcast/adapters-sqlite';
import type { Hono } from 'hono';
import type { ServerConfig } from '../config.ts';

/** What each service identifier of the container resolves to. */
export interface Services {
  Config: ServerConfig;
  Logger: Logger;
  LogHistory: LogHistory;
  SystemMetrics: SystemMetrics;
  Clock: Clock;
  PasswordHasher: PasswordHasher;
  ContentRenderer: ContentRenderer;
  ChatRenderer: ChatRenderer;
  EmojiStore: EmojiStore;
  AssetStore: AssetStore;
  ImageResizer: ImageResizer;
  Database: SqliteDatabase;
  Repositories: Repositories;
  IngestServer: IngestServer;
  VideoStorage: VideoStorage;
  VideoOptions: VideoOptions;
  Transcoder: Transcoder;
  AppController: AppController;
  HttpApp: Hono;
}

/** One symbol per service. */
export const TOKENS = Object.fromEntries(
  (['Config', 'Logger', 'LogHistory', 'SystemMetrics', 'Clock', 'PasswordHasher', 'ContentRenderer', 'ChatRenderer', 'EmojiStore', 'AssetStore', 'ImageResizer', 'Database', 'Repositories', 'IngestServer', 'VideoStorage', 'VideoOptions', 'Transcoder', 'AppController', 'HttpApp'] as const).map((name) => [name, Symbol.for(`hexcast.${name}`)]),
) as { readonly [K in keyof Services]: symbol };
