import { describe, expect, it } from 'vitest';
import { loadWork, saveWork, type AutosaveStorages, type KeyValueStorage } from './autosave';
import { DEFAULT_RELEASE } from './release-options';

function memory(): KeyValueStorage & { dump(): string } {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    dump: () => [...m.values()].join('\n'),
  };
}

const saved = (valuesText: string) => ({ valuesText, release: DEFAULT_RELEASE, savedAt: 1 });

describe('saveWork / loadWork', () => {
  it('keeps secrets in the tab only; lasting storage gets the text without them', () => {
    const persistent = memory();
    const tab = memory();
    const s: AutosaveStorages = { persistent, tab };
    const removed = saveWork(s, 'c', saved('# mine\nreplicas: 2\ndb:\n  password: hunter22\n'), []);
    expect(removed).toEqual(['db.password']);
    expect(persistent.dump()).not.toContain('hunter22');
    expect(persistent.dump()).toContain('replicas: 2');
    expect(persistent.dump()).toContain('# mine');
    expect(loadWork(s, 'c')?.valuesText).toContain('hunter22');
    // A new tab (empty session storage) starts from the text without the secret.
    expect(loadWork({ persistent, tab: memory() }, 'c')?.valuesText).not.toContain('hunter22');
  });

  it('schema-marked secrets count too', () => {
    const persistent = memory();
    saveWork({ persistent, tab: memory() }, 'c', saved('discord:\n  bot: abcdefgh\n'), [{ path: ['discord', 'bot'] }]);
    expect(persistent.dump()).not.toContain('abcdefgh');
  });

  it('a text without secrets is saved as is, and replaces the tab copy', () => {
    const s = { persistent: memory(), tab: memory() };
    saveWork(s, 'c', saved('token: secret-value\n'), []);
    expect(saveWork(s, 'c', saved('replicas: 3\n'), [])).toEqual([]);
    expect(s.tab.dump()).toBe('');
    expect(loadWork(s, 'c')?.valuesText).toBe('replicas: 3\n');
  });

  it('a text that does not parse stays in the tab; lasting storage keeps the last that did', () => {
    const s = { persistent: memory(), tab: memory() };
    saveWork(s, 'c', saved('replicas: 3\n'), []);
    expect(saveWork(s, 'c', saved('password: [oops\n'), [])).toBeNull();
    expect(s.persistent.dump()).not.toContain('oops');
    expect(loadWork(s, 'c')?.valuesText).toBe('password: [oops\n');
  });
});
