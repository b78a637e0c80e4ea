'use client';
/** A fieldset with legend, help and errors, for fields made of several controls. */
import type { ReactNode } from 'react';
import type { FormField } from '@/lib/form';
import { HelpText, UnshownRules, useFieldMessages } from './FieldShell';
import styles from '../ValuesForm.module.css';

export function GroupShell(props: {
  field: FormField;
  /** DOM id base of the group. */
  groupId: string;
  ownerId: string;
  localError?: string;
  className?: string;
  children: ReactNode;
}) {
  const { field, groupId, ownerId } = props;
  const messages = useFieldMessages(ownerId, props.localError);
  const helpId = field.help ? `${groupId}-help` : undefined;
  const errorId = messages.length > 0 ? `${groupId}-errors` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={groupId}
      className={props.className ?? styles.group}
      aria-describedby={describedBy}
      aria-invalid={messages.length > 0 || undefined}
      data-field={ownerId}
    >
      <legend className={styles.legend}>
        {field.label}
        {field.required && (
          <span className={styles.requiredMark} aria-hidden="true">
            {' '}*
          </span>
        )}
      </legend>
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
      {props.children}
    </fieldset>
  );
}
