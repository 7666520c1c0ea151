import { ContainerModule } from 'inversify';
import { systemClock } from '@hexcast/core';
import { BcryptPasswordHasher, MarkdownRenderer } from '@hexcast/adapters-system';
import { TOKENS } from './tokens.ts';

/** Runtime adapters: clock, bcrypt, markdown. (The logger is bound by `buildContainer`.) */
export const systemModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.Clock).toConstantValue(systemClock);
  bind(TOKENS.PasswordHasher).toResolvedValue(() => new BcryptPasswordHasher()).inSingletonScope();
  bind(TOKENS.ContentRenderer).toResolvedValue(() => new MarkdownRenderer()).inSingletonScope();
});
