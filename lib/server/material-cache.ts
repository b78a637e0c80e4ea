/**
 * The chart material route's memory: answers kept for a while by URL and Accept header, so many
 * pages opening the same chart cost one fetch, and concurrent requests for one URL share it.
 * Bounded by total bytes; the oldest answers go first.
 */
import type { Material } from './guarded-fetch';

export interface MaterialCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

export class MaterialCache {
  private readonly entries = new Map<string, { material: Material; storedAt: number }>();
  private readonly pending = new Map<string, Promise<Material>>();
  private bytes = 0;

  constructor(private readonly options: MaterialCacheOptions) {}

  /** The cached answer for `key`, or `load()`'s (failures are not kept). */
  async get(key: string, load: () => Promise<Material>): Promise<Material> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.entries.get(key);
    if (hit && now - hit.storedAt < this.options.ttlMs) {
      // Map order is insertion order: re-inserting marks it recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.material;
    }
    if (hit) this.remove(key);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const p = load().then((material) => {
      this.store(key, material, now);
      return material;
    });
    this.pending.set(key, p);
    try {
      return await p;
    } finally {
      this.pending.delete(key);
    }
  }

  private store(key: string, material: Material, now: number): void {
    if (material.body.length > this.options.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { material, storedAt: now });
    this.bytes += material.body.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.material.body.length;
    this.entries.delete(key);
  }
}
