import type { Context } from 'hono';
import { clientAddress } from './client-identity.ts';

/** How the server tells the TCP peer address of a request (the Node server provides it). */
export type PeerAddress = (c: Context) => string | undefined;

/** The client's address for a Hono request: first `X-Forwarded-For` hop, else the peer (see `clientAddress`). */
export function requestClientAddress(c: Context, peerAddress: PeerAddress | undefined): string {
  return clientAddress(c.req.header('x-forwarded-for'), peerAddress?.(c));
}
