import { describe, expect, it } from 'vitest';
import type { Material } from './guarded-fetch';
import { MaterialCache } from './material-cache';

const material = (size: number): Material => ({ url: 'u', contentType: 'text/yaml', dockerContentDigest: null, body: new Uint8Array(size) });

describe('MaterialCache', () => {
  it('loads a key once, also for concurrent requests, until it expires', async () => {
    let t = 0;
    let loads = 0;
    const cache = new MaterialCache({ maxBytes: 100, ttlMs: 10, now: () => t });
    const load = async () => (loads++, material(5));
    await Promise.all([cache.get('a', load), cache.get('a', load)]);
    expect(loads).toBe(1);
    t = 9;
    await cache.get('a', load);
    expect(loads).toBe(1);
    t = 10;
    await cache.get('a', load);
    expect(loads).toBe(2);
  });

  it('drops the least recently used answers past its size, and keeps no failures', async () => {
    const cache = new MaterialCache({ maxBytes: 10, ttlMs: 1000, now: () => 0 });
    const loads: string[] = [];
    const load = (key: string, size: number) => () => (loads.push(key), Promise.resolve(material(size)));
    await cache.get('a', load('a', 4));
    await cache.get('b', load('b', 4));
    await cache.get('a', load('a', 4));
    await cache.get('c', load('c', 4));
    await cache.get('a', load('a', 4));
    await cache.get('b', load('b', 4));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await cache.get('x', load('x', 1));
    expect(loads.at(-1)).toBe('x');
  });
});
