import type { Context } from 'hono';

/** How the server tells who is asking: the peer address of the TCP connection. */
export type PeerAddress = (c: Context) => string | undefined;

/**
 * The client's address: the first `X-Forwarded-For` hop when present (hexcast usually runs
 * behind a reverse proxy, as Owncast assumes), else the connection's peer address.
 */
export function clientAddress(c: Context, peer: PeerAddress | undefined): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded !== undefined && forwarded !== '' ? forwarded : (peer?.(c) ?? 'unknown');
}

/**
 * A stable, non-reversible id for a viewer: address and user agent hashed together, so two
 * people behind one NAT with different browsers count twice, and nobody's IP is kept as an id.
 */
export async function viewerClientId(address: string, userAgent: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${address}\n${userAgent}`));
  return [...new Uint8Array(digest, 0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
