import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IpBan } from '../domain/chat.ts';
import type { IpBanRepository } from '../ports/ip-ban-repository.ts';
import { RUNS, clusteredInstant, instant, text } from './contract-arbitraries.ts';
import { newestFirst } from './port-semantics.ts';

const address: fc.Arbitrary<string> = fc.oneof(fc.ipV4(), fc.ipV6());
const ban: fc.Arbitrary<IpBan> = fc.record({ ipAddress: address, notes: text(), createdAt: clusteredInstant });

/** The `IpBanRepository` contract. `make` must return a fresh, empty store on every call. */
export function describeIpBanRepositoryContract(make: () => Promise<IpBanRepository> | IpBanRepository): void {
  describe('IpBanRepository contract', () => {
    it('lists bans newest first (ties by address, descending) and knows who is banned', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(ban, { selector: (b) => b.ipAddress, maxLength: 10 }), address, async (bans, other) => {
          const repo = await make();
          for (const b of bans) await repo.add(b);
          expect(await repo.list()).toEqual([...bans].sort(newestFirst((b) => b.createdAt, (b) => b.ipAddress)));
          for (const b of bans) expect(await repo.isBanned(b.ipAddress)).toBe(true);
          expect(await repo.isBanned(other)).toBe(bans.some((b) => b.ipAddress === other));
        }),
        RUNS,
      );
    });

    it('replaces the ban of an address added again', async () => {
      await fc.assert(
        fc.asyncProperty(address, text(), text(), instant, instant, async (ip, firstNotes, notes, firstAt, at) => {
          const repo = await make();
          await repo.add({ ipAddress: ip, notes: firstNotes, createdAt: firstAt });
          await repo.add({ ipAddress: ip, notes, createdAt: at });
          await repo.add({ ipAddress: ip, notes, createdAt: at });
          expect(await repo.list()).toEqual([{ ipAddress: ip, notes, createdAt: at }]);
        }),
        RUNS,
      );
    });

    it('removes a ban once; removing an address never banned is false', async () => {
      const repo = await make();
      await repo.add({ ipAddress: '192.0.2.1', notes: '', createdAt: new Date(Date.UTC(2024, 0, 1)) });
      expect(await repo.remove('192.0.2.1')).toBe(true);
      expect(await repo.remove('192.0.2.1')).toBe(false);
      expect(await repo.remove('198.51.100.9')).toBe(false);
      expect(await repo.isBanned('192.0.2.1')).toBe(false);
      expect(await repo.list()).toEqual([]);
    });

    it('compares addresses exactly as stored', async () => {
      const repo = await make();
      await repo.add({ ipAddress: '2001:DB8::1', notes: '', createdAt: new Date(Date.UTC(2024, 0, 1)) });
      expect(await repo.isBanned('2001:DB8::1')).toBe(true);
      expect(await repo.isBanned('2001:db8::1')).toBe(false);
      expect(await repo.isBanned('2001:DB8::1 ')).toBe(false);
      expect(await repo.isBanned('2001:DB8::')).toBe(false);
    });
  });
}
