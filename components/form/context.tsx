'use client';
/** What every field of one form shares: the model, the value store, errors and emitters. */
import { createContext, useContext } from 'react';
import type { Control, FieldValues, UseFormGetValues } from 'react-hook-form';
import type { FormModel } from '@/lib/form';
import type { KeyedStore } from './store';

export interface FormRuntime {
  model: FormModel;
  control: Control<FieldValues>;
  getValues: UseFormGetValues<FieldValues>;
  /** Prefix of DOM ids, unique per form on the page. */
  idPrefix: string;
  disabled: boolean;
  /**
   * Records a change in the form state and reports it to the page. `emitted` is what goes to
   * onChange when it differs from the form's own value (maps with `null` for removed keys).
   */
  emit(path: string[], value: unknown, emitted?: unknown): void;
  /** Error messages by the id of the field that shows them (`errorsByOwner`). */
  errors: KeyedStore<string[]>;
  /** Existing-Secret choices made in the form, by the id of the Secret name field. */
  secretModes: KeyedStore<boolean>;
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

/** The runtime of the enclosing ValuesForm. */
export function useFormRuntime(): FormRuntime {
  const runtime = useContext(FormRuntimeContext);
  if (!runtime) throw new Error('form fields must be rendered inside <ValuesForm>');
  return runtime;
}

/** A DOM id for a field id (dots and other characters made safe). */
export function domId(prefix: string, fieldId: string, suffix = ''): string {
  const safe = fieldId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
  return `${prefix}-${safe}${suffix ? `-${suffix}` : ''}`;
}
