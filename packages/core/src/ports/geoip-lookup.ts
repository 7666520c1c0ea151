import type { GeoDetails } from '../domain/viewers.ts';

/** Locates an IP address. Private and loopback addresses resolve to `undefined` or a 'Localhost' answer. */
export interface GeoIpLookup {
  /** `undefined` when unknown; never throws for a malformed address. */
  lookup(ipAddress: string): Promise<GeoDetails | undefined>;
}
