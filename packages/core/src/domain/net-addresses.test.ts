import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './net-addresses.ts';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1', 'localhost'])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.1', '192.168.1.127', '::ffff:10.0.0.1', '::2', 'fe80::1', '127.0.0.1.evil', '1270.0.0.1', ''])('%s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
