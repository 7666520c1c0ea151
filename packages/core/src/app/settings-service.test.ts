import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD, defaultSettings } from '../domain/settings.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import { InMemorySettingsRepository } from '../testing/in-memory-settings-repository.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import type { AppEvent } from './events.ts';
import { EventBus } from './event-bus.ts';
import { SettingsService } from './settings-service.ts';

function setup(repository = new InMemorySettingsRepository()) {
  const logger = new MemoryLogger();
  const hasher = new FakePasswordHasher();
  const events = new EventBus(logger);
  const published: AppEvent[] = [];
  events.onAny((event) => void published.push(event));
  const service = new SettingsService({ repository, hasher, events, logger });
  return { service, repository, hasher, logger, published };
}

describe('SettingsService', () => {
  it('populates the defaults once, storing the default admin password hashed', async () => {
    const { service, repository, hasher } = setup();
    await service.load();
    expect(await repository.isPopulated()).toBe(true);
    expect(service.get('serverInfo')).toEqual(defaultSettings('serverInfo'));
    const security = (await repository.read('security'))!;
    expect(security.adminPasswordHash).not.toBe(DEFAULT_ADMIN_PASSWORD);
    expect(await hasher.verify(DEFAULT_ADMIN_PASSWORD, security.adminPasswordHash)).toBe(true);
    expect(security.adminPasswordIsDefault).toBe(true);

    await service.update('serverInfo', { name: 'Changed' });
    const again = setup(repository);
    await again.service.load();
    expect(again.hasher.hashCalls).toBe(0);
    expect(again.service.get('serverInfo').name).toBe('Changed');
    expect(again.service.get('security').adminPasswordHash).toBe(security.adminPasswordHash);
  });

  it('fills fields missing from a stored section with their defaults', async () => {
    const repository = new InMemorySettingsRepository();
    // A section as an older version stored it: only some of today's fields.
    await repository.write('chat', { disabled: true } as never);
    await repository.markPopulated();
    const { service } = setup(repository);
    await service.load();
    expect(service.get('chat')).toEqual({ ...defaultSettings('chat'), disabled: true });
    expect(service.get('video')).toEqual(defaultSettings('video'));
  });

  it('falls back to the defaults, with a warning, for a stored section that no longer parses', async () => {
    const repository = new InMemorySettingsRepository();
    await repository.write('server', { webServerPort: -1 } as never);
    await repository.markPopulated();
    const { service, logger } = setup(repository);
    await service.load();
    expect(service.get('server')).toEqual(defaultSettings('server'));
    expect(logger.at('warn').map((e) => e.fields['section'])).toContain('server');
  });

  it('refuses an invalid update with invalid-input, changing nothing', async () => {
    const { service, repository, published } = setup();
    await service.load();
    const result = await service.update('server', { webServerPort: 70_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid-input');
      expect(result.error.message).toContain('webServerPort');
    }
    expect(service.get('server')).toEqual(defaultSettings('server'));
    expect(await repository.read('server')).toEqual(defaultSettings('server'));
    expect(published).toEqual([]);
  });

  it('keeps both of two concurrent updates to one section', async () => {
    const { service, repository } = setup();
    await service.load();
    const [a, b] = await Promise.all([service.update('serverInfo', { name: 'Night owls' }), service.update('serverInfo', { summary: 'Late streams' })]);
    expect(a.ok && b.ok).toBe(true);
    expect(service.get('serverInfo')).toMatchObject({ name: 'Night owls', summary: 'Late streams' });
    expect(await repository.read('serverInfo')).toMatchObject({ name: 'Night owls', summary: 'Late streams' });
  });

  it('announces a successful update', async () => {
    const { service, published } = setup();
    await service.load();
    await service.update('chat', { disabled: true });
    expect(published).toContainEqual({ type: 'settings-changed', section: 'chat' });
  });

  it('refuses weak admin passwords and keeps the old one', async () => {
    const { service } = setup();
    await service.load();
    for (const weak of ['', 'short', DEFAULT_ADMIN_PASSWORD, 'aaaaaaaaaaaa']) {
      const result = await service.setAdminPassword(weak);
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(await service.verifyAdminPassword(DEFAULT_ADMIN_PASSWORD)).toBe(true);
    expect(service.get('security').adminPasswordIsDefault).toBe(true);
  });

  it('verifies the admin password, before and after a change', async () => {
    const { service, repository } = setup();
    await service.load();
    expect(await service.verifyAdminPassword(DEFAULT_ADMIN_PASSWORD)).toBe(true);
    expect(await service.verifyAdminPassword('wrong')).toBe(false);
    expect((await service.setAdminPassword('correct horse battery')).ok).toBe(true);
    expect(await service.verifyAdminPassword('correct horse battery')).toBe(true);
    expect(await service.verifyAdminPassword(DEFAULT_ADMIN_PASSWORD)).toBe(false);
    expect(service.get('security').adminPasswordIsDefault).toBe(false);
    expect((await repository.read('security'))?.adminPasswordHash).not.toContain('correct horse');
  });
});
