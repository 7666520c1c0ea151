import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_SECTIONS, defaultSettings, type Settings, type SettingsSection } from '../domain/settings.ts';
import type { SettingsRepository } from '../ports/settings-repository.ts';
import { RUNS, text } from './contract-arbitraries.ts';

/**
 * Values shaped like `template` with every leaf randomised. The store keeps sections as given
 * (validation is the service's job), so it must round-trip any of them, valid or not.
 */
function shapedLike(template: unknown): fc.Arbitrary<unknown> {
  if (typeof template === 'string') return text(24);
  if (typeof template === 'number') return fc.integer({ min: -1_000_000, max: 1_000_000 });
  if (typeof template === 'boolean') return fc.boolean();
  if (Array.isArray(template)) return template.length === 0 ? fc.constant([]) : fc.array(shapedLike(template[0]), { maxLength: 3 });
  if (template !== null && typeof template === 'object') {
    const entries = Object.entries(template);
    // An empty object in the defaults is a record (appearance variables): give it a few keys.
    if (entries.length === 0) return fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{0,9}$/), text(12), { maxKeys: 3, noNullPrototype: true });
    return fc.record(Object.fromEntries(entries.map(([key, value]) => [key, shapedLike(value)])));
  }
  return fc.constant(template);
}

const sectionValue: fc.Arbitrary<{ section: SettingsSection; value: Settings[SettingsSection] }> = fc
  .constantFrom(...SETTINGS_SECTIONS)
  .chain((section) => shapedLike(defaultSettings(section)).map((value) => ({ section, value: value as Settings[SettingsSection] })));

const twoValues = fc.constantFrom(...SETTINGS_SECTIONS).chain((section) => {
  const value = shapedLike(defaultSettings(section)) as fc.Arbitrary<Settings[SettingsSection]>;
  return fc.record({ section: fc.constant(section), first: value, second: value });
});

/** The `SettingsRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeSettingsRepositoryContract(make: () => Promise<SettingsRepository> | SettingsRepository): void {
  describe('SettingsRepository contract', () => {
    it('reads undefined for every section of a fresh store', async () => {
      const repo = await make();
      for (const section of SETTINGS_SECTIONS) expect(await repo.read(section)).toBeUndefined();
    });

    it('is populated only once marked; marking twice is harmless', async () => {
      const repo = await make();
      expect(await repo.isPopulated()).toBe(false);
      await repo.write('serverInfo', defaultSettings('serverInfo'));
      expect(await repo.isPopulated()).toBe(false);
      await repo.markPopulated();
      await repo.markPopulated();
      expect(await repo.isPopulated()).toBe(true);
    });

    it('round-trips the defaults of every section', async () => {
      const repo = await make();
      for (const section of SETTINGS_SECTIONS) await repo.write(section, defaultSettings(section));
      for (const section of SETTINGS_SECTIONS) expect(await repo.read(section)).toEqual(defaultSettings(section));
    });

    it('reads back exactly what was written, leaving other sections alone', async () => {
      await fc.assert(
        fc.asyncProperty(sectionValue, async ({ section, value }) => {
          const repo = await make();
          await repo.write(section, value);
          expect(await repo.read(section)).toEqual(value);
          for (const other of SETTINGS_SECTIONS) if (other !== section) expect(await repo.read(other)).toBeUndefined();
        }),
        RUNS,
      );
    });

    it('replaces a section on write; writing the same value twice is harmless', async () => {
      await fc.assert(
        fc.asyncProperty(twoValues, async ({ section, first, second }) => {
          const repo = await make();
          await repo.write(section, first);
          await repo.write(section, second);
          await repo.write(section, second);
          expect(await repo.read(section)).toEqual(second);
        }),
        RUNS,
      );
    });

    it('hands out copies: changing a value read does not change the store', async () => {
      const repo = await make();
      await repo.write('serverInfo', defaultSettings('serverInfo'));
      const read = await repo.read('serverInfo');
      (read!.tags as string[]).push('changed by the caller');
      expect(await repo.read('serverInfo')).toEqual(defaultSettings('serverInfo'));
    });
  });
}
