'use client';
/** A masked secret with a show toggle and, where the chart asks for it, a local generator. */
import { useState } from 'react';
import { generateSecret } from '@/lib/form';
import { TextControl, type ControlProps } from './scalar';
import styles from '../ValuesForm.module.css';

export function SecretControl(props: ControlProps) {
  const { field, id, onChange, disabled } = props;
  const [shown, setShown] = useState(false);
  const kind = field.generate;
  return (
    <div className={styles.secretRow}>
      <TextControl {...props} type={shown ? 'text' : 'password'} />
      <button
        type="button"
        className={styles.button}
        aria-pressed={shown}
        aria-controls={id}
        disabled={disabled}
        onClick={() => setShown((s) => !s)}
      >
        Show
      </button>
      {kind && (
        <button
          type="button"
          className={styles.button}
          aria-controls={id}
          disabled={disabled}
          // Generated in this browser with crypto.getRandomValues; nothing leaves the page.
          onClick={() => onChange(generateSecret(kind))}
        >
          Generate
        </button>
      )}
    </div>
  );
}
