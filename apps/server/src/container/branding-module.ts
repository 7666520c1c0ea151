import path from 'node:path';
import { ContainerModule } from 'inversify';
import { FileSystemAssetStore } from '@hexcast/adapters-fs';
import { SharpImageResizer } from '@hexcast/adapters-system';
import type { ServerConfig } from '../config.ts';
import { TOKENS } from './tokens.ts';

/** The uploaded logo and favicon under `<datadir>/assets`, and sharp for the logo's PNG copy. */
export const brandingModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.AssetStore)
    .toResolvedValue((config: ServerConfig) => new FileSystemAssetStore({ dir: path.join(config.dataDir, 'assets') }), [TOKENS.Config])
    .inSingletonScope();
  bind(TOKENS.ImageResizer).toResolvedValue(() => new SharpImageResizer()).inSingletonScope();
});
