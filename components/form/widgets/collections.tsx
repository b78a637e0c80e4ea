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

/** A list of scalars: one input per entry, add and remove. */
export function ListControl({ field, ownerId, value, onChange }: CollectionProps) {
  const { idPrefix, disabled } = useFormRuntime();
  const { draft, setDraft, sent } = useDraft(value, asList);
  const types = field.itemTypes ?? ['string'];
  const previous = Array.isArray(value) ? value : [];
  const commit = (rows: string[]) => {
    setDraft(rows);
    const next = rows.map((text, i) => parseScalarText(text, types, previous[i]));
    sent(next);
    onChange(next);
  };
  const groupId = domId(idPrefix, ownerId);
  return (
    <GroupShell field={field} groupId={groupId} ownerId={ownerId}>
      <ul className={styles.rows}>
        {draft.map((text, i) => {
          const id = `${groupId}-${i}`;
          const name = `${field.label} ${i + 1}`;
          return (
            <li key={i} className={styles.row}>
              <label htmlFor={id} className={styles.visuallyHidden}>
                {name}
              </label>
              <input
                id={id}
                className={styles.input}
                value={text}
                disabled={disabled}
                onChange={(e) => commit(draft.map((t, j) => (j === i ? e.target.value : t)))}
              />
              <button type="button" className={styles.button} disabled={disabled} onClick={() => commit(draft.filter((_, j) => j !== i))}>
                Remove<span className={styles.visuallyHidden}> {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className={styles.button} disabled={disabled} onClick={() => commit([...draft, ''])}>
        Add<span className={styles.visuallyHidden}> to {field.label}</span>
      </button>
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
