/**
 * Random bytes and integers for the template functions (Go's crypto/rand and math/rand roles):
 * the platform CSPRNG by default, or a source a preview pins.
 */
import { GoError } from './value';

/** Fills `out` from the platform CSPRNG (which takes at most 65536 bytes a call). */
function fillFromCsprng(out: Uint8Array): void {
  for (let i = 0; i < out.length; i += 65536) globalThis.crypto.getRandomValues(out.subarray(i, Math.min(out.length, i + 65536)));
}

let fill: (out: Uint8Array) => void = fillFromCsprng;

/** What fixes the pinned source's bytes (and the clock), until a function takes it. */
let pinnedKey: string | undefined;

/**
 * Replaces where random bytes come from (null: the CSPRNG again). Previews pin it per call site
 * so that re-rendering does not churn; helm itself, and so the CLI, stays random. `key` names a
 * pinned source: the same key, the same bytes and the same clock.
 */
export function setRandomSource(source: ((out: Uint8Array) => void) | null, key?: string): void {
  fill = source ?? fillFromCsprng;
  poolNext = pool.length;
  pinnedKey = source === null ? undefined : key;
}

/**
 * The key of the pinned source set for the call being made, once: a function whose result
 * depends only on its arguments, the random bytes and the clock may keep its result under it.
 * A later call drawing from the same source (none is told of it) gets no key.
 */
export function takePinnedSourceKey(): string | undefined {
  const key = pinnedKey;
  pinnedKey = undefined;
  return key;
}

/** `count` bytes from the random source. */
export function randomBytes(count: number): Uint8Array {
  const out = new Uint8Array(count);
  fill(out);
  return out;
}

/**
 * CSPRNG words drawn in batches: one getRandomValues call per character made random strings
 * the slowest part of re-rendering charts that generate secrets. Each word is used once.
 */
const pool = new Uint32Array(256);
let poolNext = pool.length;

function randomUint32(): number {
  if (poolNext === pool.length) {
    fill(new Uint8Array(pool.buffer));
    poolNext = 0;
  }
  return pool[poolNext++];
}

/** A uniform integer in [0, n) without modulo bias. */
export function randomBelow(n: number): number {
  if (n <= 0) throw new GoError('invalid argument to Intn');
  if (n <= 2 ** 32) {
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = randomUint32();
      if (x < limit) return x % n;
    }
  }
  const big = BigInt(n);
  for (;;) {
    const b = randomBytes(8);
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    v >>= 11n; // 53 bits
    if (v < (1n << 53n) - ((1n << 53n) % big)) return Number(v % big);
  }
}
