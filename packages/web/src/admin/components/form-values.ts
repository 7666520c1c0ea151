/**
 * The conversions between what a settings field holds (text or a checkbox state) and the value
 * its admin setter takes. Pure, so they are tested on their own.
 */
export type FieldKind = 'text' | 'textarea' | 'code' | 'number' | 'toggle' | 'list' | 'select' | 'password';

export type FormValue = string | boolean;

export interface FieldValueSpec {
  readonly kind: FieldKind;
  /** The server's current value. */
  readonly value: unknown;
  readonly options?: ReadonlyArray<{ value: string | number; label: string }>;
}

/** The server's value as the control shows it: lists comma-separated, numbers as text. */
export function toFormValue(field: FieldValueSpec): FormValue {
  if (field.kind === 'toggle') return field.value === true;
  if (field.kind === 'list') return Array.isArray(field.value) ? field.value.join(', ') : '';
  return field.value === undefined || field.value === null ? '' : String(field.value);
}

/** The control's content as the value the API takes, or why it cannot be one. */
export function fromFormValue(field: FieldValueSpec, value: FormValue): { value: unknown } | { error: string } {
  if (field.kind === 'toggle') return { value: value === true };
  const text = String(value);
  if (field.kind === 'number') return /^\s*\d+\s*$/.test(text) ? { value: Number(text) } : { error: 'Enter a whole number.' };
  if (field.kind === 'list') return { value: text.split(/[,\n]/).map((item) => item.trim()).filter((item) => item !== '') };
  if (field.kind === 'select') return { value: field.options?.find((option) => String(option.value) === text)?.value ?? text };
  return { value: text };
}
