/**
 * The client's address: the first `X-Forwarded-For` hop when present (hexcast usually runs
 * behind a reverse proxy, as Owncast assumes), else the connection's peer address.
 */
export function clientAddress(forwardedFor: string | undefined, peer: string | undefined): string {
  const forwarded = forwardedFor?.split(',')[0]?.trim();
  return forwarded !== undefined && forwarded !== '' ? forwarded : (peer ?? 'unknown');
}

/**
 * A short, stable id for a viewer from address and user agent (two browsers behind one NAT
 * count twice). FNV-1a, 64 bits: cheap enough for every playlist request; not a secret.
 */
export function viewerClientId(address: string, userAgent: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of `${address}\n${userAgent}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
