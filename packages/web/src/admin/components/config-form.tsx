import { useId, useState } from 'preact/hooks';
import { setConfig } from '../admin-api.ts';
import { fromFormValue, toFormValue, type FieldKind, type FieldValueSpec, type FormValue } from './form-values.ts';
import { errorMessage } from './notes.tsx';

export interface FieldSpec extends FieldValueSpec {
  /** The setter under /api/admin/config/ or, in a form saved as one object, the property name. */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly help?: string;
  readonly placeholder?: string;
}

export interface ConfigFormProps {
  readonly fields: readonly FieldSpec[];
  /** Save the whole form as one object to this setter (e.g. `s3`), instead of one setter per field. */
  readonly saveAs?: string;
  /** With `saveAs`: turns the form's values into the object sent (e.g. to drop empty fields). */
  readonly prepare?: (values: Record<string, unknown>) => unknown;
  readonly submitLabel?: string;
  /** Lay short fields out side by side. */
  readonly columns?: boolean;
  readonly onSaved?: () => void;
}

/**
 * A settings form: labelled controls for admin setters, saved with one button. Only changed
 * fields are sent (each to its own setter), and each refusal is shown beside its field with the
 * server's message; what was accepted stays saved.
 */
export function ConfigForm({ fields, saveAs, prepare = (v) => v, submitLabel = 'Save', columns = false, onSaved }: ConfigFormProps) {
  const initial = () => Object.fromEntries(fields.map((field) => [field.key, toFormValue(field)]));
  const [values, setValues] = useState<Record<string, FormValue>>(initial);
  const [saved, setSaved] = useState<Record<string, FormValue>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const id = useId();
  const changed = fields.filter((field) => values[field.key] !== saved[field.key]);

  const save = async (event: Event) => {
    event.preventDefault();
    setState('saving');
    const { accepted, failures } = await submit({ fields: saveAs === undefined ? changed : fields, values, saveAs, prepare });
    setSaved((before) => ({ ...before, ...accepted }));
    setErrors(failures);
    setState(Object.keys(failures).length === 0 ? 'saved' : 'failed');
    if (Object.keys(accepted).length > 0) onSaved?.();
  };

  const set = (key: string, value: FormValue) => {
    setValues((before) => ({ ...before, [key]: value }));
    if (state !== 'saving') setState('idle');
  };

  return (
    <form class={`config-form ${columns ? 'columns' : ''}`} onSubmit={save} noValidate>
      {fields.map((field) => (
        <Field key={field.key} id={`${id}-${field.key}`} field={field} value={values[field.key]!} error={errors[field.key]} onChange={(v) => set(field.key, v)} />
      ))}
      <div class="form-actions">
        <button class="button primary" type="submit" disabled={state === 'saving' || changed.length === 0}>
          {state === 'saving' ? 'Saving…' : submitLabel}
        </button>
        <p class={`form-status ${state}`} role="status">
          {state === 'saved' && 'Saved.'}
          {state === 'failed' && (errors[''] ?? 'Some changes were refused: see the messages above.')}
        </p>
      </div>
    </form>
  );
}

interface Submission {
  readonly fields: readonly FieldSpec[];
  readonly values: Record<string, FormValue>;
  readonly saveAs: string | undefined;
  readonly prepare: (values: Record<string, unknown>) => unknown;
}

/**
 * Sends the fields: each to its own setter (what one refuses does not stop the others), or all
 * as one object to `saveAs`. Returns what the server accepted and why anything was refused
 * (keyed by field; '' for the whole form).
 */
async function submit({ fields, values, saveAs, prepare }: Submission): Promise<{ accepted: Record<string, FormValue>; failures: Record<string, string> }> {
  const failures: Record<string, string> = {};
  const parsed = new Map<string, unknown>();
  for (const field of fields) {
    const result = fromFormValue(field, values[field.key]!);
    if ('error' in result) failures[field.key] = result.error;
    else parsed.set(field.key, result.value);
  }
  const accepted: Record<string, FormValue> = {};
  if (saveAs !== undefined) {
    if (Object.keys(failures).length > 0) return { accepted, failures };
    try {
      await setConfig(saveAs, prepare(Object.fromEntries(parsed)));
      return { accepted: { ...values }, failures };
    } catch (error) {
      return { accepted, failures: { '': errorMessage(error) } };
    }
  }
  for (const [key, value] of parsed) {
    try {
      await setConfig(key, value);
      accepted[key] = values[key]!;
    } catch (error) {
      failures[key] = errorMessage(error);
    }
  }
  return { accepted, failures };
}

interface FieldProps {
  id: string;
  field: FieldSpec;
  value: FormValue;
  error: string | undefined;
  onChange: (value: FormValue) => void;
}

function Field({ id, field, value, error, onChange }: FieldProps) {
  const describedBy = [field.help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };
  const text = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
  let control;
  if (field.kind === 'toggle') {
    control = <input {...common} type="checkbox" role="switch" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  } else if (field.kind === 'textarea' || field.kind === 'code') {
    control = <textarea {...common} class={field.kind} rows={field.kind === 'code' ? 8 : 4} value={String(value)} placeholder={field.placeholder} onInput={text} spellcheck={field.kind !== 'code'} />;
  } else if (field.kind === 'select') {
    control = (
      <select {...common} value={String(value)} onChange={text}>
        {field.options?.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    const props = { ...common, value: String(value), placeholder: field.placeholder, onInput: text };
    control = field.kind === 'password' ? <input {...props} type="password" autoComplete="new-password" /> : <input {...props} type="text" inputMode={field.kind === 'number' ? 'numeric' : undefined} autoComplete="off" />;
  }
  return (
    <div class={`field field-${field.kind}`}>
      {field.kind === 'toggle' ? control : <label for={id}>{field.label}</label>}
      {field.kind === 'toggle' ? <label for={id}>{field.label}</label> : control}
      {field.help && <p class="help" id={`${id}-help`}>{field.help}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}
