'use client';
/** Values the schema leaves open (an object without properties, a list of untyped objects) as YAML. */
import { useEffect } from 'react';
import { parse, stringify } from 'yaml';
import type { FormField } from '@/lib/form';
import type { ControlA11y } from './FieldShell';
import { ariaOf } from './scalar';
import { useDraft } from './useDraft';
import styles from '../ValuesForm.module.css';

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return stringify(value, { lineWidth: 0 });
}

function shapeProblem(field: FormField, value: unknown): string | undefined {
  const isList = Array.isArray(value);
  const isMap = typeof value === 'object' && value !== null && !isList;
  if (field.types.includes('object') && !field.types.includes('array') && !isMap) return 'Must be a map of settings (key: value).';
  if (field.types.includes('array') && !field.types.includes('object') && !isList) return 'Must be a list (- item).';
  return undefined;
}

export function YamlControl(props: {
  field: FormField;
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  a11y: ControlA11y;
  disabled: boolean;
}) {
  const { field, id, value, onChange, a11y, disabled } = props;
  const { draft, setDraft, sent } = useDraft(value, toText);
  const { setLocalError } = a11y;
  // A new value (valid YAML typed here, or a change in values.yaml) ends any complaint about the draft.
  useEffect(() => setLocalError(undefined), [value, setLocalError]);
  const change = (text: string) => {
    setDraft(text);
    let parsed: unknown;
    try {
      // Helm reads values as YAML 1.1 (yes/no are booleans).
      parsed = text.trim() === '' ? (field.types.includes('array') ? [] : {}) : parse(text, { version: '1.1' });
    } catch (e) {
      a11y.setLocalError(`Not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return;
    }
    const problem = shapeProblem(field, parsed);
    a11y.setLocalError(problem);
    if (problem) return;
    sent(parsed);
    onChange(parsed);
  };
  return (
    <textarea
      id={id}
      className={`${styles.textarea} ${styles.code}`}
      rows={Math.min(12, Math.max(3, draft.split('\n').length))}
      spellCheck={false}
      value={draft}
      disabled={disabled}
      {...ariaOf(a11y)}
      onChange={(e) => change(e.target.value)}
    />
  );
}
