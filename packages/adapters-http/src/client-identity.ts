import { createHash } from 'node:crypto';
import { normalizeAddress, type ProxyTrust } from './trusted-proxies.ts';

/**
 * The client's address, as proxy-addr (Express, Fastify) decides it: the TCP peer, unless it is a
 * trusted proxy, in which case the hop it names last in `X-Forwarded-For`, and so on leftwards:
 * the right-most address in `<X-Forwarded-For>, <peer>` that is not a trusted proxy. A client can
 * write anything into the header, but only to the left of what the proxies append, so its own
 * entries are never reached while the chain holds. A hop that is not an IP address stops the
 * walk at the proxy that passed it on. Addresses come back normalized (`normalizeAddress`);
 * without a peer (no socket) the answer is `'unknown'`, whatever the header says.
 */
export function clientAddress(forwardedFor: string | undefined, peer: string | undefined, trusted: ProxyTrust): string {
  if (peer === undefined) return 'unknown';
  let client = normalizeAddress(peer);
  if (client === undefined) return peer;
  const hops = forwardedFor === undefined ? [] : forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0 && trusted(client); i--) {
    const hop = normalizeAddress(hops[i]);
    if (hop === undefined) break;
    client = hop;
  }
  return client;
}

/**
 * A short, stable id for a viewer from address and user agent (two browsers behind one NAT
 * count twice): 64 bits of SHA-256, native and cheap enough for every playlist request; not a secret.
 */
export function viewerClientId(address: string, userAgent: string): string {
  return createHash('sha256').update(`${address}\n${userAgent}`).digest('hex').slice(0, 16);
}
