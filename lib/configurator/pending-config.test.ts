import { describe, expect, it } from 'vitest';
import type { ChartroomConfig } from '../share';
import type { KeyValueStorage } from './autosave';
import { storePendingConfig, takePendingConfig } from './pending-config';

function memory(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const config: ChartroomConfig = { format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'shop', namespace: 'apps' }, values: 'a: 1\n' };

describe('pending configuration', () => {
  it('is taken once, by the configurator of its chart', async () => {
    const s = memory();
    expect(storePendingConfig(s, { fileName: 'chartroom.json', config })).toBe(true);
    expect(await takePendingConfig(s, 'aeterna')).toEqual({ fileName: 'chartroom.json', config });
    expect(await takePendingConfig(s, 'aeterna')).toBeNull();
  });

  it('is dropped when it is for another chart or no longer a valid configuration', async () => {
    const s = memory();
    storePendingConfig(s, { fileName: 'x.json', config });
    expect(await takePendingConfig(s, 'verta')).toBeNull();
    expect(s.map.size).toBe(0);
    s.setItem('chartroom:pending-config', JSON.stringify({ fileName: 'x.json', config: { ...config, release: { name: 'Bad Name', namespace: 'a' } } }));
    expect(await takePendingConfig(s, 'aeterna')).toBeNull();
    s.setItem('chartroom:pending-config', '{not json');
    expect(await takePendingConfig(s, 'aeterna')).toBeNull();
  });

  it('reports a storage that refuses it', () => {
    const full: KeyValueStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(storePendingConfig(full, { fileName: 'x.json', config })).toBe(false);
  });
});
