import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import proxyAddr from 'proxy-addr';
import { err, ok, type CommonError, type Result } from '@hexcast/core';

/**
 * The peers believed when they say who the client is (`X-Forwarded-For`) and how it connected
 * (`X-Forwarded-Proto`): `'all'`, or a list of addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`)
 * and the names `loopback`, `linklocal` and `uniquelocal` (private ranges); `[]` trusts none (ADR 13).
 */
export type TrustedProxies = 'all' | readonly string[];

/** Loopback, link-local and private ranges: where a reverse proxy in front of hexcast usually sits. */
export const DEFAULT_TRUSTED_PROXIES: readonly string[] = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether a (normalized) address is a trusted proxy. */
export type ProxyTrust = (address: string) => boolean;

/** The trust test for a list; throws on an entry that is not an address, range or range name (see `parseTrustedProxies`). */
export function compileTrustedProxies(proxies: TrustedProxies): ProxyTrust {
  if (proxies === 'all') return () => true;
  const trust = proxyAddr.compile([...proxies]);
  return (address) => trust(address, 0);
}

/**
 * Reads the flag's text: `all`, `none`, or a comma-separated list (see `TrustedProxies`). The
 * error names the entry that is not an address, a CIDR range or a range name.
 */
export function parseTrustedProxies(text: string): Result<TrustedProxies, CommonError> {
  const value = text.trim().toLowerCase();
  if (value === 'all') return ok('all');
  if (value === 'none') return ok([]);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (entry === '') return err({ kind: 'invalid-input', message: 'has an empty entry; use "none" to trust no proxy' });
    try {
      proxyAddr.compile(entry);
    } catch {
      return err({ kind: 'invalid-input', message: `"${entry}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal` });
    }
  }
  return ok(entries);
}

/**
 * An address in canonical form (IPv4-mapped IPv6 as plain IPv4, IPv6 compressed and lower case),
 * or `undefined` when the text is not an IP address. A port (`1.2.3.4:80`, `[::1]:80`), as some
 * proxies append, is dropped; the loose IPv4 spellings `inet_aton` takes (`127.1`) are refused.
 */
export function normalizeAddress(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed?.[1] !== undefined) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.indexOf(':'));
  if (isIP(address) === 0) return undefined;
  try {
    return ipaddr.process(address).toString();
  } catch {
    return undefined;
  }
}
