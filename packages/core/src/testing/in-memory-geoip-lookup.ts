import type { GeoDetails } from '../domain/viewers.ts';
import type { GeoIpLookup } from '../ports/geoip-lookup.ts';

/** A `GeoIpLookup` over a fixed table; every address not in it, malformed ones included, is unknown. */
export class InMemoryGeoIpLookup implements GeoIpLookup {
  readonly #known: ReadonlyMap<string, GeoDetails>;

  /** `known` maps an address, written exactly as it will be looked up, to its answer. */
  constructor(known: Iterable<readonly [string, GeoDetails]> = []) {
    this.#known = new Map(known);
  }

  async lookup(ipAddress: string): Promise<GeoDetails | undefined> {
    const details = this.#known.get(ipAddress);
    // A copy, so a caller changing its answer cannot change the table.
    return details && { ...details };
  }
}
