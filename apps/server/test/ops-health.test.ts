import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppController } from '@hexcast/core';
import { createSqliteRepositories, openSqliteDatabase } from '@hexcast/adapters-sqlite';
import { BcryptPasswordHasher, LogRing, MarkdownRenderer, NodeSystemMetrics, PinoLogger } from '@hexcast/adapters-system';
import { createHttpApp } from '@hexcast/adapters-http';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-health-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('/healthz over a real SQLite file', () => {
  it('answers 200 while the database answers and 503 once its connection is gone', async () => {
    const database = openSqliteDatabase(path.join(dir, 'hexcast.db'));
    const history = new LogRing();
    const controller = createAppController({
      repositories: createSqliteRepositories(database.db),
      hasher: new BcryptPasswordHasher(),
      renderer: new MarkdownRenderer(),
      logger: new PinoLogger({ streams: [history] }),
      logHistory: history,
      systemMetrics: new NodeSystemMetrics({ path: dir }),
    });
    await controller.start();
    const app = createHttpApp(controller);
    const healthy = await app.request('/healthz');
    expect(healthy.status).toBe(200);

    database.close();
    const broken = await app.request('/healthz');
    expect(broken.status).toBe(503);
    expect(await broken.json()).toEqual({ status: 'unavailable', checks: { database: 'failing', core: 'ok' } });
    // The failure is in the log the admin reads, with SQLite's reason.
    expect(history.recent('error').map((line) => line.message)).toContainEqual(expect.stringContaining('health check: the database did not answer: The database connection is not open'));
    await controller.stop().catch(() => undefined);
  });
});
