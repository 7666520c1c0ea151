import { ContainerModule } from 'inversify';
import { systemClock } from '@hexcast/core';
import { BcryptPasswordHasher, MarkdownRenderer, NodeSystemMetrics } from '@hexcast/adapters-system';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** Runtime adapters: clock, bcrypt, markdown, system load. (The logger and its history are bound by `buildContainer`.) */
export const systemModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Clock).toConstantValue(systemClock);
  bind(TOKENS.PasswordHasher).toResolvedValue(() => new BcryptPasswordHasher()).inSingletonScope();
  bind(TOKENS.ContentRenderer).toResolvedValue(() => new MarkdownRenderer()).inSingletonScope();
  bind(TOKENS.SystemMetrics).toResolvedValue((config: ServerConfig) => new NodeSystemMetrics({ path: config.dataDir }), [TOKENS.Config]).inSingletonScope();
});
