import { defineConfig } from 'vitest/config';

// One project per workspace package; slow tests (ffmpeg, Chromium, servers) live in each
// package's test/ folder and run here too.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
