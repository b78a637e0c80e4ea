import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from './autosave';
import { chartNoteId, isNoteDismissed, setNoteDismissed } from './dismissed-notes';

function memory(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('dismissed notes', () => {
  it('remembers a note per chart and version, and brings it back', () => {
    const s = memory();
    const v1 = chartNoteId('dependencies-left-out', {
      name: 'aeterna',
      version: '1.0.0',
    });
    const v2 = chartNoteId('dependencies-left-out', {
      name: 'aeterna',
      version: '1.1.0',
    });
    expect(isNoteDismissed(s, v1)).toBe(false);
    setNoteDismissed(s, v1, true);
    expect(isNoteDismissed(s, v1)).toBe(true);
    // Another version's note may say something else: it shows.
    expect(isNoteDismissed(s, v2)).toBe(false);
    expect(
      isNoteDismissed(
        s,
        chartNoteId('dependencies-left-out', {
          name: 'verta',
          version: '1.0.0',
        }),
      ),
    ).toBe(false);
    setNoteDismissed(s, v1, false);
    expect(isNoteDismissed(s, v1)).toBe(false);
    expect(s.items.size).toBe(0);
  });

  it('keeps its own entry, apart from any configuration', () => {
    const s = memory();
    s.setItem('chartroom:configuration:bundled:aeterna', '{"values":"x: 1"}');
    setNoteDismissed(s, 'n:a@1', true);
    expect([...s.items.keys()].sort()).toEqual(['chartroom:configuration:bundled:aeterna', 'chartroom:dismissed-notes']);
    expect(s.getItem('chartroom:configuration:bundled:aeterna')).toBe('{"values":"x: 1"}');
  });

  it('reads anything else in its entry as nothing dismissed, and survives a storage that refuses', () => {
    const s = memory();
    s.setItem('chartroom:dismissed-notes', '{not json');
    expect(isNoteDismissed(s, 'n:a@1')).toBe(false);
    s.setItem('chartroom:dismissed-notes', '[1, "n:a@1"]');
    expect(isNoteDismissed(s, 'n:a@1')).toBe(true);
    const refusing: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(() => setNoteDismissed(refusing, 'n:a@1', true)).not.toThrow();
  });
});
