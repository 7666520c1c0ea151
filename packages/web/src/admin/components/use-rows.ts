import { useState } from 'preact/hooks';

/** The rows of a list editor (links, keys, variants…): edit one row, add one, remove one. */
export function useRows<T extends object>(initial: () => T[]) {
  const [rows, setRows] = useState(initial);
  return {
    rows,
    update: (index: number, change: Partial<T>) => setRows((before) => before.map((row, i) => (i === index ? { ...row, ...change } : row))),
    add: (row: T) => setRows((before) => [...before, row]),
    remove: (index: number) => setRows((before) => before.filter((_, i) => i !== index)),
  };
}
