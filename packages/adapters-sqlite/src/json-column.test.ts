import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseJsonCell } from './json-column.ts';

const cell = { table: 'users', column: 'scopes', row: 'u1' };

describe('parseJsonCell', () => {
  it('returns the validated value', () => {
    expect(parseJsonCell('["a","b"]', z.array(z.string()), cell)).toEqual(['a', 'b']);
  });

  it('names the cell and keeps the parser error as cause when the text is not JSON', () => {
    const error = captureError(() => parseJsonCell('[oops', z.array(z.string()), cell));
    expect(error.message).toBe('corrupt JSON in users.scopes of row "u1"');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('names the cell and keeps the validation error as cause when the shape is wrong', () => {
    const error = captureError(() => parseJsonCell('{"a":1}', z.array(z.string()), cell));
    expect(error.message).toBe('unexpected JSON value in users.scopes of row "u1"');
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a thrown Error');
}
