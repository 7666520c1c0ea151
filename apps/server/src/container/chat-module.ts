import path from 'node:path';
import { ContainerModule } from 'inversify';
import { FileSystemEmojiStore } from '@hexcast/adapters-fs';
import { MarkdownChatRenderer } from '@hexcast/adapters-system';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** Chat: markdown to safe HTML, and custom emoji images under `<datadir>/emoji` (Owncast's `data/emoji`). */
export const chatModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ChatRenderer).toResolvedValue(() => new MarkdownChatRenderer()).inSingletonScope();
  bind(TOKENS.EmojiStore)
    .toResolvedValue((config: ServerConfig) => new FileSystemEmojiStore({ dir: path.join(config.dataDir, 'emoji') }), [TOKENS.Config])
    .inSingletonScope();
});
