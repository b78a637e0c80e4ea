'use client';
/**
 * Text the person is typing, kept apart from the value: a draft is replaced by the value only
 * when the value changes from outside (the YAML editor), never by the echo of its own edit.
 */
import { useEffect, useRef, useState } from 'react';
import { jsonEqual } from '@/lib/form';

export interface Draft<D> {
  draft: D;
  setDraft(next: D): void;
  /** Call with the value sent to onChange so its echo does not reset the draft. */
  sent(value: unknown): void;
}

export function useDraft<D>(value: unknown, toDraft: (value: unknown) => D): Draft<D> {
  const [draft, setDraft] = useState<D>(() => toDraft(value));
  const last = useRef<unknown>(value);
  const toDraftRef = useRef(toDraft);
  toDraftRef.current = toDraft;
  useEffect(() => {
    if (jsonEqual(value, last.current)) return;
    last.current = value;
    setDraft(toDraftRef.current(value));
  }, [value]);
  return {
    draft,
    setDraft,
    sent: (v) => {
      last.current = v;
    },
  };
}
