/**
 * Stable previews: within one editing session, functions with varying results (random strings,
 * keys, UUIDs, the clock) give the same results for the same call site and arguments, so that
 * re-rendering after an unrelated edit changes nothing. Each call draws from its own stream,
 * derived from a session seed, where the call is written, its arguments and how many identical
 * calls came before it in this render. Helm is random at every run; only previews pin it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { CallObserver, CallSite } from '../../gotemplate';
import { type GoValue, setRandomSource } from '../../go';
import { setClock, NON_DETERMINISTIC } from '../../sprig';

const encoder = new TextEncoder();

/** A text standing for a call's arguments (values are small: lengths, names, key texts). */
function argumentsKey(args: readonly GoValue[]): string {
  return JSON.stringify(args, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Map) return Object.fromEntries(v);
    if (v && typeof v === 'object' && typeof (v as { v?: unknown }).v === 'bigint') return `${(v as { v: bigint }).v}n`;
    return v;
  });
}

/** An endless byte stream from a key: SHA-256 of (key, block number), block after block. */
function streamOf(key: Uint8Array): (out: Uint8Array) => void {
  let block = 0;
  let buffer = new Uint8Array(0);
  let used = 0;
  return (out) => {
    let filled = 0;
    while (filled < out.length) {
      if (used === buffer.length) {
        const input = new Uint8Array(key.length + 4);
        input.set(key);
        new DataView(input.buffer).setUint32(key.length, block++);
        buffer = sha256(input);
        used = 0;
      }
      const n = Math.min(out.length - filled, buffer.length - used);
      out.set(buffer.subarray(used, used + n), filled);
      filled += n;
      used += n;
    }
  };
}

/**
 * What a pinned session tells a render about the calls it pins: a call's result is fixed by its
 * key (site, name, arguments), how many calls of that key the render made before it, and the
 * session. An incremental render may then keep a file that made such calls, telling the session
 * its calls again (incremental.ts).
 */
export interface PinnedCalls {
  /** The functions whose results are pinned. */
  readonly names: ReadonlySet<string>;
  /** The session's seed and clock: in another session the same call gets another result. */
  readonly session: string;
  /** The key a call is pinned by. */
  keyOf(name: string, site: CallSite, args: readonly GoValue[]): string;
  /** How many calls of this key the render made so far. */
  countOf(key: string): number;
}

/** The observer a pinned render runs with. */
export interface PinningObserver extends CallObserver {
  readonly pinned: PinnedCalls;
}

const keyOf = (name: string, site: CallSite, args: readonly GoValue[]): string => `${site.template}\0${site.pos}\0${name}\0${argumentsKey(args)}`;

export class StableSession {
  /** The session's clock: `now` stays at the moment the session began. */
  private readonly startedMs: number;

  constructor(
    private readonly seed: string,
    startedMs = Date.now(),
  ) {
    this.startedMs = startedMs;
  }

  /**
   * Runs one render with pinned results, and `observer` to pass to it. The platform's random
   * source and clock are restored afterwards, whatever happens.
   */
  render<T>(run: (observer: PinningObserver) => T): T {
    const counts = new Map<string, number>();
    const observer: PinningObserver = {
      names: NON_DETERMINISTIC,
      call: (name: string, site: CallSite, args: readonly GoValue[]) => {
        const call = keyOf(name, site, args);
        const n = counts.get(call) ?? 0;
        counts.set(call, n + 1);
        setRandomSource(streamOf(encoder.encode(`${this.seed}\0${call}\0${n}`)), `${this.seed}\0${this.startedMs}\0${call}\0${n}`);
      },
      pinned: { names: NON_DETERMINISTIC, session: `${this.seed}\0${this.startedMs}`, keyOf, countOf: (key) => counts.get(key) ?? 0 },
    };
    const started = this.startedMs;
    const previousClock = setClock(() => started);
    try {
      return run(observer);
    } finally {
      setRandomSource(null);
      setClock(previousClock);
    }
  }
}

/** One observer telling several (each only of the names it watches); pinned as the one pinning is. */
export function combineObservers<T extends CallObserver>(...observers: T[]): T & CallObserver {
  const names = new Set(observers.flatMap((o) => [...o.names]));
  const combined: CallObserver & { beginFile?(file: string): void; pinned?: PinnedCalls } = {
    names,
    pinned: observers.map((o) => (o as Partial<PinningObserver>).pinned).find((p) => p !== undefined),
    call: (name, site, args) => {
      for (const o of observers) if (o.names.has(name)) o.call(name, site, args);
    },
    beginFile: (file) => {
      for (const o of observers) (o as { beginFile?(f: string): void }).beginFile?.(file);
    },
  };
  return combined as T & CallObserver;
}
