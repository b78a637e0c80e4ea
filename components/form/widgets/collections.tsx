'use client';
/** Lists of scalars and key-value maps (annotations, labels, node selectors). */
import { useState } from 'react';
import { entryOf, parseScalarText, scalarToText, type FormField } from '@/lib/form';
import { domId, useFormRuntime } from '../context';
import { GroupShell } from './GroupShell';
import { useDraft } from './useDraft';
import styles from '../ValuesForm.module.css';

interface CollectionProps {
  field: FormField;
  ownerId: string;
  value: unknown;
  onChange(value: unknown): void;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(scalarToText) : [];
}

/**
 * A list of scalars as chips: typing and Enter adds an entry, × removes one, Backspace in the
 * empty input removes the last. Entries keep the value they had (a number stays a number);
 * changing one is removing it and typing it again.
 */
export function ListControl({ field, ownerId, value, onChange }: CollectionProps) {
  const { idPrefix, disabled } = useFormRuntime();
  const [text, setText] = useState('');
  const types = field.itemTypes ?? ['string'];
  const items = Array.isArray(value) ? value : [];
  const groupId = domId(idPrefix, ownerId);
  const inputId = `${groupId}-new`;
  const add = () => {
    if (text.trim() === '') return;
    onChange([...items, parseScalarText(text, types, undefined)]);
    setText('');
  };
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  return (
    <GroupShell field={field} groupId={groupId} ownerId={ownerId}>
      {items.length > 0 && (
        <ul className={styles.chips} aria-label={`${field.label} entries`}>
          {items.map((item, i) => {
            const shown = scalarToText(item);
            return (
              <li key={i} className={styles.chip}>
                <span>{shown}</span>
                <button type="button" className={styles.chipRemove} disabled={disabled} aria-label={`Remove ${shown} from ${field.label}`} onClick={() => remove(i)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={inputId} className={styles.visuallyHidden}>
        Add to {field.label}
      </label>
      <input
        id={inputId}
        className={styles.input}
        value={text}
        disabled={disabled}
        placeholder="Type an entry, then Enter"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Enter adds the entry; it must not submit anything around the form.
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && items.length > 0) {
            e.preventDefault();
            remove(items.length - 1);
          }
        }}
      />
    </GroupShell>
  );
}

interface Pair {
  key: string;
  text: string;
}

function asPairs(value: unknown): Pair[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).map(([key, v]) => ({ key, text: scalarToText(v) }));
}

/**
 * A map of keys to scalars. Rows with an empty key wait in the form; a key given twice keeps
 * the last row and says so. Keys are committed on leaving the key input, values as typed.
 */
export function KeyValueControl({ field, ownerId, value, onChange }: CollectionProps) {
  const { idPrefix, disabled } = useFormRuntime();
  const { draft, setDraft, sent } = useDraft(value, asPairs);
  const [problem, setProblem] = useState<string | undefined>();
  const types = field.itemTypes ?? ['string'];
  const previous = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const commit = (rows: Pair[]) => {
    setDraft(rows);
    // Keys are whatever the person typed, `__proto__` included.
    const next = Object.create(null) as Record<string, unknown>;
    const seen = new Set<string>();
    let duplicate: string | undefined;
    for (const { key, text } of rows) {
      if (key === '') continue;
      if (seen.has(key)) duplicate = key;
      seen.add(key);
      next[key] = parseScalarText(text, types, entryOf(previous, key));
    }
    setProblem(duplicate === undefined ? undefined : `The key ${duplicate} appears more than once; the last one counts.`);
    sent(next);
    onChange(next);
  };
  const groupId = domId(idPrefix, ownerId);
  return (
    <GroupShell field={field} groupId={groupId} ownerId={ownerId} localError={problem}>
      <ul className={styles.rows}>
        {draft.map((pair, i) => {
          const keyId = `${groupId}-${i}-key`;
          const valueId = `${groupId}-${i}-value`;
          const keyName = `${field.label} key ${i + 1}`;
          const valueName = `${field.label} value ${i + 1}`;
          return (
            <li key={i} className={styles.row}>
              <label htmlFor={keyId} className={styles.visuallyHidden}>
                {keyName}
              </label>
              <input
                id={keyId}
                className={styles.input}
                value={pair.key}
                placeholder="key"
                disabled={disabled}
                // A key is committed when the person leaves it, so a rename is one change.
                onChange={(e) => setDraft(draft.map((p, j) => (j === i ? { ...p, key: e.target.value } : p)))}
                onBlur={() => commit(draft)}
              />
              <label htmlFor={valueId} className={styles.visuallyHidden}>
                {valueName}
              </label>
              <input
                id={valueId}
                className={styles.input}
                value={pair.text}
                placeholder="value"
                disabled={disabled}
                onChange={(e) => commit(draft.map((p, j) => (j === i ? { ...p, text: e.target.value } : p)))}
              />
              <button type="button" className={styles.button} disabled={disabled} onClick={() => commit(draft.filter((_, j) => j !== i))}>
                Remove<span className={styles.visuallyHidden}> {keyName}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className={styles.button} disabled={disabled} onClick={() => commit([...draft, { key: '', text: '' }])}>
        Add<span className={styles.visuallyHidden}> to {field.label}</span>
      </button>
    </GroupShell>
  );
}
