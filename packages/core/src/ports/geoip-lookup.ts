import type { GeoDetails } from '../domain/viewers.ts';

/**
 * Locates an IP address. Private and loopback addresses resolve to `undefined` or to an answer
 * whose `regionName` is 'Localhost' (Owncast answers `{ countryCode: 'N/A', regionName: 'Localhost', timeZone: '' }`).
 */
export interface GeoIpLookup {
  /** `undefined` when unknown or malformed (never throws or rejects, whatever the string). */
  lookup(ipAddress: string): Promise<GeoDetails | undefined>;
}
