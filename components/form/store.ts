'use client';
/**
 * Keyed subscriptions for what the form receives as whole objects (errors, existing-Secret
 * choices): a field re-renders only when its own entry changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { jsonEqual } from '@/lib/form';

/** Entries by key; listeners per key plus listeners on any change. */
export class KeyedStore<T> {
  private entries = new Map<string, T>();
  private keyListeners = new Map<string, Set<() => void>>();
  private anyListeners = new Set<() => void>();
  private version = 0;

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  /** A snapshot that changes identity whenever any entry changes. */
  getVersion(): number {
    return this.version;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Sets one entry; `undefined` removes it. */
  set(key: string, value: T | undefined): void {
    const next = new Map(this.entries);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    this.replace(next);
  }

  /** Replaces every entry; entries whose value is unchanged keep their identity and stay silent. */
  replace(next: Map<string, T>): void {
    const changed: string[] = [];
    for (const [key, value] of next) {
      const old = this.entries.get(key);
      if (old === undefined || !jsonEqual(old, value)) changed.push(key);
      else next.set(key, old);
    }
    for (const key of this.entries.keys()) if (!next.has(key)) changed.push(key);
    if (changed.length === 0) return;
    this.entries = next;
    this.version += 1;
    for (const key of changed) this.keyListeners.get(key)?.forEach((l) => l());
    this.anyListeners.forEach((l) => l());
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.keyListeners.get(key);
    if (!set) this.keyListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }

  subscribeAll(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }
}

/** One entry of a store, re-rendering only when that entry changes. */
export function useStoreEntry<T>(store: KeyedStore<T>, key: string): T | undefined {
  const subscribe = useCallback((l: () => void) => store.subscribe(key, l), [store, key]);
  const get = () => store.get(key);
  return useSyncExternalStore(subscribe, get, get);
}

/** A value derived from the whole store; re-renders only when the derived value changes. */
export function useStoreSelector<T, R extends string | number | boolean | undefined>(
  store: KeyedStore<T>,
  select: (store: KeyedStore<T>) => R,
): R {
  const subscribe = useCallback((l: () => void) => store.subscribeAll(l), [store]);
  const get = () => select(store);
  return useSyncExternalStore(subscribe, get, get);
}
