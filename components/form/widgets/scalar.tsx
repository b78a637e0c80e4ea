'use client';
/** Controls for one scalar: text, textarea, number, switch, unset-able boolean, select. */
import { useEffect, type ReactNode } from 'react';
import { jsonEqual, parseNumberText, parseScalarText, scalarToText, type FormField } from '@/lib/form';
import type { ControlA11y } from './FieldShell';
import { useDraft } from './useDraft';
import styles from '../ValuesForm.module.css';

/** What every value control receives. */
export interface ControlProps {
  field: FormField;
  /** DOM id of the control (its label points here). */
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  a11y: ControlA11y;
  disabled: boolean;
}

/** aria props shared by every control. */
export function ariaOf(a11y: ControlA11y) {
  return {
    'aria-describedby': a11y.describedBy,
    'aria-invalid': a11y.invalid || undefined,
  } as const;
}

function onlyString(field: FormField): boolean {
  return field.types.length === 0 || (field.types.length === 1 && field.types[0] === 'string');
}

/** Single-line or multi-line text; fields that also allow numbers or booleans are parsed. */
export function TextControl(props: ControlProps & { multiline?: boolean; type?: 'text' | 'password'; extra?: ReactNode }) {
  const { field, id, value, onChange, a11y, disabled } = props;
  const { draft, setDraft, sent } = useDraft(value, scalarToText);
  const change = (text: string) => {
    setDraft(text);
    const next = onlyString(field) ? text : parseScalarText(text, field.types, value);
    sent(next);
    onChange(next);
  };
  const common = {
    id,
    value: draft,
    disabled,
    placeholder: field.placeholder,
    'aria-required': field.required || undefined,
    ...ariaOf(a11y),
  };
  if (props.multiline) {
    return <textarea {...common} className={styles.textarea} rows={4} onChange={(e) => change(e.target.value)} />;
  }
  return (
    <input
      {...common}
      type={props.type ?? 'text'}
      className={styles.input}
      autoComplete={field.secret ? 'off' : undefined}
      spellCheck={field.secret ? false : undefined}
      onChange={(e) => change(e.target.value)}
    />
  );
}

/**
 * A number typed as text: only numbers reach the values (integers stay integers); anything
 * else waits in the input with a message. Emptied and left, the field goes back to the default.
 */
export function NumberControl(props: ControlProps) {
  const { field, id, value, onChange, a11y, disabled } = props;
  const integer = field.widget === 'integer';
  const { draft, setDraft, sent } = useDraft(value, scalarToText);
  const { setLocalError } = a11y;
  // A new value (typed and valid, or set in values.yaml) ends any complaint about the draft.
  useEffect(() => setLocalError(undefined), [value, setLocalError]);
  const change = (text: string) => {
    setDraft(text);
    const parsed = parseNumberText(text, integer);
    if (parsed.ok) {
      a11y.setLocalError(undefined);
      sent(parsed.value);
      onChange(parsed.value);
    } else {
      // The values keep their last number: say so, or the field would look applied.
      a11y.setLocalError(text.trim() === '' ? undefined : `${parsed.reason} Not applied: values.yaml and the preview keep ${value === undefined ? 'the chart default' : scalarToText(value)}.`);
    }
  };
  const blur = () => {
    if (draft.trim() !== '') return;
    sent(undefined);
    onChange(undefined);
  };
  return (
    <input
      id={id}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      className={`${styles.input} ${styles.number}`}
      value={draft}
      disabled={disabled}
      placeholder={field.placeholder ?? (field.default !== undefined ? String(field.default) : undefined)}
      aria-required={field.required || undefined}
      {...ariaOf(a11y)}
      onChange={(e) => change(e.target.value)}
      onBlur={blur}
    />
  );
}

/** An on/off switch (role="switch": Space and Enter toggle it). */
export function SwitchControl(props: ControlProps) {
  const { id, value, onChange, a11y, disabled } = props;
  const checked = value === true;
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      className={styles.switch}
      disabled={disabled}
      {...ariaOf(a11y)}
      onClick={() => onChange(!checked)}
    >
      <span className={styles.switchThumb} aria-hidden="true" />
    </button>
  );
}

/** A boolean the chart may leave unset (its templates then decide). */
export function TristateControl(props: ControlProps) {
  const { id, value, onChange, a11y, disabled } = props;
  const current = value === true ? 'true' : value === false ? 'false' : '';
  return (
    <select
      id={id}
      className={styles.select}
      value={current}
      disabled={disabled}
      {...ariaOf(a11y)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
    >
      <option value="">Not set</option>
      <option value="true">Yes</option>
      <option value="false">No</option>
    </select>
  );
}

/** One of the schema's enum values (compared as JSON, so numbers stay numbers). */
export function SelectControl(props: ControlProps) {
  const { field, id, value, onChange, a11y, disabled } = props;
  const options = field.options ?? [];
  const index = options.findIndex((o) => jsonEqual(o.value, value));
  return (
    <select
      id={id}
      className={styles.select}
      value={index >= 0 ? String(index) : ''}
      disabled={disabled}
      aria-required={field.required || undefined}
      {...ariaOf(a11y)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : options[Number(e.target.value)].value)}
    >
      {index < 0 && <option value="">{value === undefined ? 'Choose…' : `${scalarToText(value)} (not allowed)`}</option>}
      {options.map((o, i) => (
        <option key={i} value={String(i)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
