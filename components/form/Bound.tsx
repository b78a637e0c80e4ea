'use client';
/**
 * Fields bound to the form state by name: each subscribes to its own value only, so typing in
 * one field re-renders that field and nothing else.
 */
import { memo, useCallback, useRef, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { dottedPath, selectedModeOption, withRemovals, type FormField } from '@/lib/form';
import { domId, useFormRuntime } from './context';
import { FieldView } from './FieldView';
import { FieldList } from './FieldList';
import { HelpText, UnshownRules, useFieldMessages } from './widgets/FieldShell';
import styles from './ValuesForm.module.css';

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A leaf field (anything but a fieldset of bound children) bound by its dotted path. */
export const BoundField = memo(function BoundField({ field }: { field: FormField }) {
  const { control, emit } = useFormRuntime();
  const { field: state } = useController({ name: field.id, control });
  const baseline = useRef<unknown>(undefined);
  const value: unknown = state.value;
  const onChange = useCallback(
    (next: unknown) => {
      if (isMap(next)) {
        // Helm merges maps key by key: a key the map had before the first edit here (maybe a
        // chart default) is sent as null once removed. Keys added since need no null: the
        // whole map replaces the user's own.
        if (baseline.current === undefined) baseline.current = value;
        emit(field.path, next, withRemovals(baseline.current, next));
      } else {
        emit(field.path, next);
      }
    },
    [emit, field.path, value],
  );
  return <FieldView field={field} ownerId={field.id} value={value} onChange={onChange} />;
});

/** Bundled/External (or any mode) as a radio group; arrow keys move between options. */
function ModeSwitch({ field }: { field: FormField }) {
  const { control, emit, idPrefix, disabled } = useFormRuntime();
  const mode = field.mode!;
  const modeField = field.children?.find((c) => c.key === mode.field);
  const path = [...field.path, mode.field];
  const { field: state } = useController({ name: dottedPath(path), control });
  const selected = selectedModeOption(mode, state.value, modeField?.default);
  const groupId = domId(idPrefix, dottedPath(path));
  const messages = useFieldMessages(dottedPath(path));
  const helpId = modeField?.help ? `${groupId}-help` : undefined;
  return (
    <fieldset className={styles.mode} aria-describedby={helpId} data-field={dottedPath(path)}>
      <legend className={styles.legend}>Deployment</legend>
      <div className={styles.modeOptions}>
        {mode.options.map((option, i) => {
          const id = `${groupId}-${i}`;
          return (
            <span key={i} className={styles.modeOption}>
              <input
                id={id}
                type="radio"
                name={groupId}
                checked={option === selected}
                disabled={disabled}
                onChange={() => emit(path, option.value)}
              />
              <label htmlFor={id}>{option.label}</label>
            </span>
          );
        })}
      </div>
      {helpId && (
        <p id={helpId} className={styles.help}>
          <HelpText text={modeField!.help!} />
        </p>
      )}
      {messages.length > 0 && (
        <ul className={styles.errors}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** A nested object: a fieldset (or the section itself when flattened) of bound children. */
export const BoundObject = memo(function BoundObject({ field, insideAdvanced }: { field: FormField; insideAdvanced: boolean }) {
  const { idPrefix } = useFormRuntime();
  const children = (field.children ?? []).filter((c) => c.key !== field.mode?.field);
  const body = (
    <>
      {field.mode && <ModeSwitch field={field} />}
      <FieldList fields={children} insideAdvanced={insideAdvanced || field.advanced} />
    </>
  );
  if (field.flatten) return <ObjectMessages field={field}>{body}</ObjectMessages>;
  const groupId = domId(idPrefix, field.id);
  const helpId = field.help ? `${groupId}-help` : undefined;
  return (
    <fieldset id={groupId} className={styles.group} aria-describedby={helpId} data-field={field.id}>
      <legend className={styles.legend}>{field.label}</legend>
      {helpId && (
        <p id={helpId} className={styles.help}>
          <HelpText text={field.help!} />
        </p>
      )}
      <UnshownRules field={field} />
      <ObjectMessages field={field}>{body}</ObjectMessages>
    </fieldset>
  );
});

/** Errors about the object as a whole (a required child that has no field of its own). */
function ObjectMessages({ field, children }: { field: FormField; children: ReactNode }) {
  const messages = useFieldMessages(field.id);
  return (
    <>
      {messages.length > 0 && (
        <ul className={styles.errors} data-field={field.id}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {children}
    </>
  );
}
