import { describe, expect, it } from 'vitest';
import { errorReason } from './error-reason.ts';

describe('errorReason', () => {
  it('gives the name and message, with the cause’s message, and nothing else of the error', () => {
    const error = Object.assign(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }), { $metadata: { requestId: 'secret-ish' } });
    expect(errorReason(error)).toBe('TypeError: fetch failed (connect ECONNREFUSED 127.0.0.1:9)');
  });

  it('turns anything else into a string', () => {
    expect(errorReason('down')).toBe('down');
    expect(errorReason(undefined)).toBe('undefined');
  });
});
