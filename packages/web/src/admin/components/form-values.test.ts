import { describe, expect, it } from 'vitest';
import { niceMax } from './chart-scale.ts';
import { fromFormValue, toFormValue } from './form-values.ts';

describe('settings field values', () => {
  it('shows lists comma-separated and reads them back trimmed, without empty items', () => {
    expect(toFormValue({ kind: 'list', value: ['owncast', 'streaming'] })).toBe('owncast, streaming');
    expect(fromFormValue({ kind: 'list', value: [] }, ' a, ,b ,\nc,')).toEqual({ value: ['a', 'b', 'c'] });
    expect(fromFormValue({ kind: 'list', value: [] }, '')).toEqual({ value: [] });
  });

  it('accepts only whole numbers for number fields', () => {
    expect(toFormValue({ kind: 'number', value: 8080 })).toBe('8080');
    expect(fromFormValue({ kind: 'number', value: 0 }, ' 1935 ')).toEqual({ value: 1935 });
    for (const bad of ['', 'eighty', '1.5', '-1', '1e3']) expect(fromFormValue({ kind: 'number', value: 0 }, bad)).toEqual({ error: 'Enter a whole number.' });
  });

  it('gives a select its option value back with the option type (numbers stay numbers)', () => {
    const options = [0, 1, 2].map((value) => ({ value, label: `level ${value}` }));
    expect(toFormValue({ kind: 'select', value: 2, options })).toBe('2');
    expect(fromFormValue({ kind: 'select', value: 2, options }, '1')).toEqual({ value: 1 });
  });

  it('keeps toggles boolean and text as typed, a missing value as empty text', () => {
    expect(toFormValue({ kind: 'toggle', value: true })).toBe(true);
    expect(toFormValue({ kind: 'toggle', value: 'yes' })).toBe(false);
    expect(fromFormValue({ kind: 'toggle', value: false }, true)).toEqual({ value: true });
    expect(toFormValue({ kind: 'text', value: undefined })).toBe('');
    expect(fromFormValue({ kind: 'text', value: '' }, '  spaced  ')).toEqual({ value: '  spaced  ' });
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, -3, Number.NaN, 0.3, 1, 3, 7, 10, 11, 180, 999].map(niceMax)).toEqual([1, 1, 1, 0.5, 1, 5, 10, 10, 20, 200, 1000]);
  });
});
