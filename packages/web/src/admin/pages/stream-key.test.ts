import { describe, expect, it } from 'vitest';
import { generateStreamKey } from './stream-key.ts';

describe('generateStreamKey', () => {
  it('makes distinct keys of the asked length from the RTMP-safe alphabet, without look-alike characters', () => {
    const keys = Array.from({ length: 200 }, () => generateStreamKey());
    for (const key of keys) expect(key).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(generateStreamKey(40)).toHaveLength(40);
  });
});
