import type { Context } from 'hono';
import { requestClientAddress, type PeerAddress } from './peer-address.ts';

const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./];

/** Loopback, private and link-local addresses: where a reverse proxy in front of hexcast sits. */
export function isLocalNetworkAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (PRIVATE_V4.some((range) => range.test(v4))) return true;
  const v6 = address.toLowerCase();
  return v6 === '::1' || /^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6);
}

/**
 * The address failed admin logins are counted against. A connection from a public address is
 * the client itself, so its `X-Forwarded-For` (which it could vary at will) is ignored; from a
 * local network the peer is taken to be a reverse proxy and the forwarded address is used.
 */
export function loginAddress(c: Context, peerAddress: PeerAddress | undefined): string {
  const peer = peerAddress?.(c);
  return peer !== undefined && !isLocalNetworkAddress(peer) ? peer : requestClientAddress(c, peerAddress);
}
