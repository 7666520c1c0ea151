import { useEffect, useState } from 'preact/hooks';

/**
 * A labelled on/off switch for an action on the server: it flips at once and flips back if the
 * server refuses (`onToggle` resolves false), and follows `checked` when fresh data arrives.
 */
export function Switch({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: (next: boolean) => Promise<boolean> }) {
  const [on, setOn] = useState(checked);
  useEffect(() => setOn(checked), [checked]);
  const toggle = async () => {
    const next = !on;
    setOn(next);
    if (!(await onToggle(next))) setOn(!next);
  };
  return <input type="checkbox" role="switch" aria-label={label} checked={on} onChange={() => void toggle()} />;
}
