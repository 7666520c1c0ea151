import type { Context } from 'hono';
import { clientAddress } from './client-identity.ts';
import { compileTrustedProxies, normalizeAddress, type TrustedProxies } from './trusted-proxies.ts';

/** How the server tells the TCP peer address of a request (the Node server provides it). */
export type PeerAddress = (c: Context) => string | undefined;

/** Who sent a request, as far as the server may believe the proxies in front of it. */
export interface RequestOrigin {
  /** The client's address (see `clientAddress`): IP bans, viewer counting, login throttling. */
  address(c: Context): string;
  /** Whether the client used HTTPS: the request URL, or the first `X-Forwarded-Proto` from a trusted peer. */
  isHttps(c: Context): boolean;
}

/** The `RequestOrigin` for a server whose peers are told by `peerAddress`, believing only `trusted` proxies. */
export function requestOrigin(peerAddress: PeerAddress | undefined, trusted: TrustedProxies): RequestOrigin {
  const trust = compileTrustedProxies(trusted);
  return {
    address: (c) => clientAddress(c.req.header('x-forwarded-for'), peerAddress?.(c), trust),
    isHttps: (c) => {
      if (new URL(c.req.url).protocol === 'https:') return true;
      const peer = normalizeAddress(peerAddress?.(c));
      if (peer === undefined || !trust(peer)) return false;
      return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
    },
  };
}
