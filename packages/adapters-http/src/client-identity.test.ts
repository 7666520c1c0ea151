import { describe, expect, it } from 'vitest';
import { clientAddress, viewerClientId } from './client-identity.ts';
import { compileTrustedProxies, DEFAULT_TRUSTED_PROXIES, normalizeAddress, parseTrustedProxies } from './trusted-proxies.ts';

const local = compileTrustedProxies(DEFAULT_TRUSTED_PROXIES);
const none = compileTrustedProxies([]);
const all = compileTrustedProxies('all');

describe('clientAddress', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', local)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.1, 10.0.0.1', '203.0.113.9', local)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.1', '127.0.0.1', none)).toBe('127.0.0.1');
  });

  it('takes the right-most untrusted hop, so what a client writes before the proxy appends is not reached', () => {
    // nginx `$proxy_add_x_forwarded_for`: the client sent "127.0.0.1", nginx appended the peer it saw
    expect(clientAddress('127.0.0.1, 203.0.113.9', '127.0.0.1', local)).toBe('203.0.113.9');
    expect(clientAddress('198.51.100.77, 203.0.113.9', '::1', local)).toBe('203.0.113.9');
  });

  it('walks a chain of trusted proxies', () => {
    expect(clientAddress('203.0.113.9, 10.0.0.2, 192.168.1.1', '127.0.0.1', local)).toBe('203.0.113.9');
    const cdn = compileTrustedProxies(['loopback', '198.51.100.0/24']);
    expect(clientAddress('203.0.113.9, 198.51.100.20', '127.0.0.1', cdn)).toBe('203.0.113.9');
    // a private hop is not trusted by this list: it is the client
    expect(clientAddress('203.0.113.9, 10.0.0.2', '127.0.0.1', cdn)).toBe('10.0.0.2');
  });

  it('with every proxy trusted, takes the left-most hop', () => {
    expect(clientAddress('203.0.113.9, 198.51.100.1', '192.0.2.1', all)).toBe('203.0.113.9');
    expect(clientAddress(undefined, '192.0.2.1', all)).toBe('192.0.2.1');
  });

  it('handles IPv6 and IPv4-mapped addresses, and gives one spelling for each address', () => {
    expect(clientAddress(undefined, '::ffff:203.0.113.9', local)).toBe('203.0.113.9');
    expect(clientAddress('2001:DB8:0:0::1', '::ffff:127.0.0.1', local)).toBe('2001:db8::1');
    expect(clientAddress('203.0.113.9', 'fd00::5', local)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', 'fe80::1', local)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::1', '2001:db8::2', local)).toBe('2001:db8::2');
    const v6 = compileTrustedProxies(['2001:db8:ffff::/48']);
    expect(clientAddress('2001:db8::1', '2001:db8:ffff::9', v6)).toBe('2001:db8::1');
  });

  it('drops ports some proxies append', () => {
    expect(clientAddress('203.0.113.9:51234', '127.0.0.1', local)).toBe('203.0.113.9');
    expect(clientAddress('[2001:db8::1]:443', '127.0.0.1', local)).toBe('2001:db8::1');
  });

  it('stops at the proxy that passed on a malformed hop', () => {
    for (const header of ['not-an-ip', '', ' , ', '203.0.113.9,,', '127.1', '2130706433', '999.1.1.1', '1.2.3.4.5', 'unknown', '<script>', '203.0.113.9; drop', '1.2.3.4/8']) {
      expect(clientAddress(header, '127.0.0.1', local), header).toBe('127.0.0.1');
    }
    expect(clientAddress('203.0.113.9, junk, 10.0.0.3', '127.0.0.1', local)).toBe('10.0.0.3');
    expect(clientAddress('x'.repeat(10_000), '127.0.0.1', all)).toBe('127.0.0.1');
  });

  it('without a peer knows nothing, whatever the header says', () => {
    expect(clientAddress('203.0.113.9', undefined, all)).toBe('unknown');
  });
});

describe('parseTrustedProxies', () => {
  it('reads all, none and lists of addresses, ranges and range names', () => {
    expect(parseTrustedProxies('all')).toEqual({ ok: true, value: 'all' });
    expect(parseTrustedProxies(' None ')).toEqual({ ok: true, value: [] });
    expect(parseTrustedProxies('loopback, 10.0.0.0/8,2001:db8::/32 ,192.0.2.7')).toEqual({ ok: true, value: ['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7'] });
  });

  it('refuses entries that are none of those', () => {
    for (const text of ['', 'loopback,,10.0.0.1', 'localhost', '10.0.0.0/33', '300.1.1.1', 'private']) {
      const parsed = parseTrustedProxies(text);
      expect(parsed.ok, text).toBe(false);
    }
    const parsed = parseTrustedProxies('loopback,localhost');
    expect(!parsed.ok && parsed.error.message).toMatch(/"localhost" is not an IP address/);
  });
});

describe('normalizeAddress', () => {
  it('refuses what is not an address', () => {
    expect(normalizeAddress(undefined)).toBeUndefined();
    expect(normalizeAddress('example.com')).toBeUndefined();
    expect(normalizeAddress('[::1')).toBeUndefined();
    expect(normalizeAddress('1.2.3.4:99999999')).toBeUndefined();
    expect(normalizeAddress(' 10.0.0.1 ')).toBe('10.0.0.1');
  });
});

describe('viewerClientId', () => {
  it('is 16 hex digits, the same for the same address and user agent, different when either differs', () => {
    const id = viewerClientId('203.0.113.7', 'Firefox');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(viewerClientId('203.0.113.7', 'Firefox')).toBe(id);
    expect(viewerClientId('203.0.113.8', 'Firefox')).not.toBe(id);
    expect(viewerClientId('203.0.113.7', 'Chrome')).not.toBe(id);
    // the separator keeps the two parts apart
    expect(viewerClientId('1.2.3.4', '5')).not.toBe(viewerClientId('1.2.3.45', ''));
  });
});
