import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One project per workspace package, named after it (`--project @hexcast/core`). `extends: true`
// makes every project inherit the options below (globbed projects would not). Slow tests
// (ffmpeg, Chromium, servers) live in each package's test/ folder and run here too.
const workspaces = ['packages', 'apps'].flatMap((parent) => readdirSync(parent).map((dir) => `${parent}/${dir}`)).filter((dir) => existsSync(`${dir}/package.json`));

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Generous: integration tests spawn servers and ffmpeg on 2-core machines that may be busy.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: workspaces.map((root) => ({
      extends: true,
      test: {
        name: (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string }).name,
        root,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      },
    })),
  },
});
