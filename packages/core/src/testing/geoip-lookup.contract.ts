import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeoDetails } from '../domain/viewers.ts';
import type { GeoIpLookup } from '../ports/geoip-lookup.ts';

/** Where lookups legitimately differ. */
export interface GeoIpLookupCapabilities {
  /** An address the lookup knows and its exact answer; without one, only unknown and bad input is checked. */
  readonly known?: { readonly ipAddress: string; readonly details: GeoDetails };
}

/** Documentation ranges (RFC 5737, RFC 3849): public addresses no database locates. */
const UNLOCATABLE = ['192.0.2.1', '198.51.100.23', '203.0.113.99', '2001:db8::1'];
const LOCAL = ['127.0.0.1', '::1', '10.1.2.3', '192.168.0.10', '172.16.5.4', 'fe80::1'];
const MALFORMED = ['', ' ', 'not-an-ip', '999.1.1.1', '1.2.3', '1.2.3.4.5', '::zz', '1:2:3:4:5:6:7:8:9', '127.0.0.1\0', '1'.repeat(100_000), '1.2.3.4,'.repeat(10_000)];

/** No IP literal can be spelt without one of these characters missing, so these never are one. */
const notAnAddress = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/^[0-9A-Fa-f.:%]*$/.test(s));

/** Asks, checking the call neither throws nor rejects whatever the input. */
async function ask(lookup: GeoIpLookup, ipAddress: string): Promise<GeoDetails | undefined> {
  let answer: Promise<GeoDetails | undefined> | undefined;
  expect(() => (answer = lookup.lookup(ipAddress))).not.toThrow();
  return await answer;
}

/** The `GeoIpLookup` contract. */
export function describeGeoIpLookupContract(make: () => GeoIpLookup | Promise<GeoIpLookup>, capabilities: GeoIpLookupCapabilities = {}): void {
  const { known } = capabilities;

  describe('GeoIpLookup contract', () => {
    it.runIf(known !== undefined)('answers a known address with its details, every time', async () => {
      const lookup = await make();
      const first = await ask(lookup, known!.ipAddress);
      expect(first).toEqual(known!.details);
      expect(await ask(lookup, known!.ipAddress)).toEqual(known!.details);
    });

    it('answers undefined for public addresses it cannot locate', async () => {
      const lookup = await make();
      for (const ipAddress of UNLOCATABLE) expect(await ask(lookup, ipAddress)).toBeUndefined();
    });

    it("answers undefined or 'Localhost' for loopback and private addresses", async () => {
      const lookup = await make();
      for (const ipAddress of LOCAL) {
        const answer = await ask(lookup, ipAddress);
        if (answer !== undefined) expect(answer.regionName).toBe('Localhost');
      }
    });

    it('answers undefined, never throws or rejects, for malformed addresses', async () => {
      const lookup = await make();
      const nearMisses = known === undefined ? [] : [`${known.ipAddress}x`, `${known.ipAddress}/24`, `x${known.ipAddress}`];
      for (const ipAddress of [...MALFORMED, ...nearMisses]) expect(await ask(lookup, ipAddress)).toBeUndefined();
      await fc.assert(
        fc.asyncProperty(notAnAddress, async (ipAddress) => {
          expect(await ask(lookup, ipAddress)).toBeUndefined();
        }),
        { numRuns: 100 },
      );
    });
  });
}
