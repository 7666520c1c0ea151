import { rmSync } from 'node:fs';
import { EventBus, SettingsService, type Logger } from '@hexcast/core';
import { BcryptPasswordHasher } from '@hexcast/adapters-system';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteSettingsRepository } from '../src/index.ts';
import { createTempDatabases } from './temp-databases.ts';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const hasher = new BcryptPasswordHasher({ cost: 4 });

/** First start (or any start) of the settings on a database file, as the server does it. */
async function loadSettings(database: { db: ConstructorParameters<typeof SqliteSettingsRepository>[0] }): Promise<SettingsService> {
  const service = new SettingsService({ repository: new SqliteSettingsRepository(database.db), hasher, events: new EventBus(silent), logger: silent });
  await service.load();
  return service;
}

describe('first-start defaults on a SQLite file', () => {
  let temp: ReturnType<typeof createTempDatabases>;
  beforeEach(() => {
    temp = createTempDatabases();
  });
  afterEach(() => temp.cleanup());

  it('populates Owncast-like defaults with a bcrypt admin password', async () => {
    const settings = await loadSettings(temp.open());
    expect(settings.get('serverInfo').name).toBe('New hexcast server');
    expect(settings.get('serverInfo').tags).toEqual(['owncast', 'streaming']);
    expect(settings.get('security').streamKeys).toEqual([{ key: 'abc123', comment: 'Default stream key' }]);
    expect(settings.get('video').latencyLevel).toBe(2);
    expect(settings.get('video').outputVariants).toHaveLength(1);
    expect(settings.get('federation').username).toBe('streamer');
    expect(settings.get('security').adminPasswordHash).toMatch(/^\$2[aby]\$/);
    expect(settings.get('security').adminPasswordIsDefault).toBe(true);
    expect(await settings.verifyAdminPassword('abc123')).toBe(true);
    expect(await settings.verifyAdminPassword('abc124')).toBe(false);
  });

  it('keeps updates across a reopen and does not populate again', async () => {
    const path = temp.path();
    const first = temp.open(path);
    const before = await loadSettings(first);
    const hash = before.get('security').adminPasswordHash;
    expect((await before.update('serverInfo', { name: 'Night owl radio' })).ok).toBe(true);
    first.close();

    const after = await loadSettings(temp.open(path));
    expect(after.get('serverInfo').name).toBe('Night owl radio');
    // bcrypt salts every hash, so a second population would have stored a different one.
    expect(after.get('security').adminPasswordHash).toBe(hash);
  });

  it('starts from fresh defaults when the file was deleted', async () => {
    const path = temp.path();
    const first = temp.open(path);
    const hash = (await loadSettings(first)).get('security').adminPasswordHash;
    await (await loadSettings(first)).update('serverInfo', { name: 'Gone soon' });
    first.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

    const fresh = await loadSettings(temp.open(path));
    expect(fresh.get('serverInfo').name).toBe('New hexcast server');
    expect(fresh.get('security').adminPasswordHash).not.toBe(hash);
    expect(await fresh.verifyAdminPassword('abc123')).toBe(true);
  });
});
