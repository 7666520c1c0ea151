import type { Variant } from '../shared/api.ts';

export interface QualityMenuProps {
  variants: Variant[];
  /** Variant indexes the playing stream actually offers. */
  offered: number[];
  selected: number;
  onChange(index: number): void;
}

/** A labelled <select> of the stream's variants, with "Auto" first; hidden when there is no choice. */
export function QualityMenu({ variants, offered, selected, onChange }: QualityMenuProps) {
  const choices = variants.filter((v) => offered.includes(v.index));
  if (choices.length < 2) return null;
  return (
    <label class="quality">
      <span>Quality</span>
      <select value={String(selected)} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
        <option value="-1">Auto</option>
        {choices.map((v) => (
          <option key={v.index} value={String(v.index)}>
            {v.name}
          </option>
        ))}
      </select>
    </label>
  );
}
