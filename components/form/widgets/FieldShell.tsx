'use client';
/** Label, help text and errors around one control, wired for assistive technology. */
import { Fragment, useState, type ReactNode } from 'react';
import { contextLabel, type FormField } from '@/lib/form';
import { useFormRuntime } from '../context';
import { useStoreEntry } from '../store';
import styles from '../ValuesForm.module.css';

/** What a control needs to describe itself. */
export interface ControlA11y {
  describedBy: string | undefined;
  invalid: boolean;
  /** Shows a problem the values cannot carry yet (text that is not a number, broken YAML). */
  setLocalError(message: string | undefined): void;
}

/** Help text with `code` spans, as chart descriptions write them. */
export function HelpText({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

/** Rules of the chart's schema the form cannot show as controls, said plainly. */
export function UnshownRules({ field }: { field: FormField }) {
  if (!field.unshown?.length) return null;
  return (
    <p className={styles.help}>
      Also checked when the chart renders, not shown here: {field.unshown.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && ', '}
          <code>{k}</code>
        </Fragment>
      ))}
      .
    </p>
  );
}

/** Messages for one field: from validation (by owner id) plus the control's own. */
export function useFieldMessages(ownerId: string, local?: string): string[] {
  const { errors } = useFormRuntime();
  const fromSchema = useStoreEntry(errors, ownerId);
  if (!local) return fromSchema ?? [];
  return [local, ...(fromSchema ?? [])];
}

export function FieldShell(props: {
  field: FormField;
  /** DOM id of the control the label names. */
  controlId: string;
  ownerId: string;
  /** Label beside the control (switches) instead of above it. */
  inline?: boolean;
  children: (a11y: ControlA11y) => ReactNode;
}) {
  const { field, controlId, ownerId, inline } = props;
  const [local, setLocal] = useState<string | undefined>();
  const messages = useFieldMessages(ownerId, local);
  const helpId = field.help ? `${controlId}-help` : undefined;
  const errorId = messages.length > 0 ? `${controlId}-errors` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const a11y: ControlA11y = { describedBy, invalid: messages.length > 0, setLocalError: setLocal };
  return (
    <div className={inline ? `${styles.field} ${styles.inline}` : styles.field} data-field={ownerId}>
      <div className={styles.labelRow}>
        <label htmlFor={controlId} className={styles.label}>
          {contextLabel(field)}
        </label>
        {field.required && (
          <span className={styles.requiredMark} aria-hidden="true">
            *
          </span>
        )}
        {inline && props.children(a11y)}
      </div>
      {!inline && props.children(a11y)}
      {field.help && (
        <p id={helpId} className={styles.help}>
          <HelpText text={field.help} />
        </p>
      )}
      <UnshownRules field={field} />
      {errorId && (
        <ul id={errorId} className={styles.errors}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
