import 'reflect-metadata';
import { Container } from 'inversify';
import type { LogHistory, Logger } from '@hexcast/core';
import type { ServerConfig } from '../config.ts';
import { brandingModule } from './branding-module.ts';
import { chatModule } from './chat-module.ts';
import { coreModule } from './core-module.ts';
import { httpModule } from './http-module.ts';
import { rtmpModule } from './rtmp-module.ts';
import { sqliteModule } from './sqlite-module.ts';
import { systemModule } from './system-module.ts';
import { videoModule } from './video-module.ts';
import { TOKENS, type Services } from './tokens.ts';

/** A typed view of the container: `resolve('AppController')`. */
export interface ServerContainer {
  resolve<K extends keyof Services>(name: K): Promise<Services[K]>;
}

/** The composition root: one module per adapter package, plain constructors, no decorators. */
export async function buildContainer(config: ServerConfig, logger: Logger, extras: { readonly logHistory?: LogHistory } = {}): Promise<ServerContainer> {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.LogHistory).toConstantValue(extras.logHistory ?? { recent: () => [] });
  await container.loadAsync(systemModule, sqliteModule, rtmpModule, videoModule, chatModule, brandingModule, coreModule, httpModule);
  return { resolve: (name) => container.getAsync(TOKENS[name]) };
}
