/**
 * Sprig's date family (sprig v3.3 date.go): `now`, `date`, `dateInZone`, `toDate`,
 * `dateModify`, `duration`, `durationRound`, `ago`, `unixEpoch`, `htmlDate`...
 * `Local` is Go's local zone (see timezone.ts: the runtime's zone unless pinned).
 */
import { defineFunc, type FuncMap, GoError, GoInt, GoTime, type GoValue, durationString, parseDuration, roundDuration, MonotonicGoTime, formatGoTime, timeFromUnix, unixParts, parseGoTime, loadLocation } from '../go';

export { formatGoTime, goTimeString, MonotonicGoTime } from '../go';
export { parseGoTime };
export { durationString, parseDuration } from '../go';
export { fixedZone, loadLocation, localTimeZone, setLocalTimeZone } from '../go';

/** Go's zero `time.Time{}` (0001-01-01 00:00:00 UTC), what `toDate` returns on a parse error. */
export const ZERO_TIME = new GoTime(-62135596800000, 0, 'UTC');

const clock: { now: () => number } = {
  now: () => (typeof performance !== 'undefined' ? performance.timeOrigin + performance.now() : Date.now()),
};

/** Replaces the wall clock (tests pin `now`); returns the previous one. */
export function setClock(now: () => number): () => number {
  const prev = clock.now;
  clock.now = now;
  return prev;
}

/** The clock's reading in milliseconds since the epoch (certificates' validity starts here too). */
export function clockNow(): number {
  return clock.now();
}

/** `time.Now()` in Local, with the monotonic reading Go prints as `m=+...`. */
export function goNow(): GoTime {
  const ms = clock.now();
  const whole = Math.floor(ms);
  const nanos = Math.round((ms - whole) * 1e6);
  const mono = typeof performance !== 'undefined' ? performance.now() / 1000 : 0;
  return new MonotonicGoTime(whole, Math.min(nanos, 999999), 'Local', mono);
}

/** Nanoseconds since the epoch as a bigint. */
function unixNanos(t: GoTime): bigint {
  const { sec, nsec } = unixParts(t);
  return BigInt(sec) * 1000000000n + BigInt(nsec);
}

/** `Time.Add(d)` (keeps the zone; the monotonic reading is carried along as Go does). */
export function addDuration(t: GoTime, d: bigint): GoTime {
  const ns = unixNanos(t) + d;
  const sec = ns / 1000000000n - (ns % 1000000000n < 0n ? 1n : 0n);
  const nsec = Number(ns - sec * 1000000000n);
  const moved = timeFromUnix(Number(sec), nsec, t.zone);
  if (t instanceof MonotonicGoTime) return new MonotonicGoTime(moved.epochMs, moved.nanos, moved.zone, t.monotonicSeconds + Number(d) / 1e9);
  return moved;
}

/** `time.Since(t)` in nanoseconds. */
function since(t: GoTime): bigint {
  return unixNanos(goNow()) - unixNanos(t);
}

/** `t.In(zone)`. */
export function inZone(t: GoTime, zone: string): GoTime {
  return new GoTime(t.epochMs, t.nanos, zone);
}

const intKinds = new Set(['int', 'int64', 'int32']);

/** The time a `date`-family argument stands for: time.Time, or int/int32/int64 Unix seconds; else now. */
function timeArg(v: GoValue, kinds: Set<string> = intKinds): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof GoInt && !v.typeName && kinds.has(v.kind)) return timeFromUnix(Number(v.v), 0, 'Local');
  return goNow();
}

/** Sprig's `dateInZone`: an unknown zone falls back to UTC. */
export function dateInZone(layout: string, date: GoValue, zone: string): string {
  const loc = loadLocation(zone) ?? 'UTC';
  return formatGoTime(inZone(timeArg(date), loc), layout);
}

function parseIntClamped(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const n = BigInt(s);
  const max = (1n << 63n) - 1n;
  return n > max ? max : n < -max - 1n ? -max - 1n : n;
}

const SECOND = 1000000000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;
const DAY = 24n * HOUR;

/** Sprig's `durationRound`: the largest whole unit (y, mo, d, h, m, s) of |d|. */
export function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoInt && v.kind === 'int64') d = v.v;
  else if (v instanceof GoTime) d = since(v);
  const u = d < 0n ? -d : d;
  const units: Array<[bigint, string]> = [
    [365n * DAY, 'y'],
    [30n * DAY, 'mo'],
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
  ];
  for (const [size, name] of units) if (u > size) return (u / size).toString() + name;
  return '0s';
}

// `date` and its kin format the current time when not given one; durationRound measures a time from now.
const clockSometimes = { effect: 'clock-sometimes' } as const;

/** Sprig's date functions, keyed by template name. */
export const dateFuncs: FuncMap = {
  now: defineFunc('now', [], () => goNow(), { effect: 'clock' }),
  ago: defineFunc('ago', ['interface {}'], (v: GoValue) => {
    const when = v instanceof GoTime ? v : v instanceof GoInt && (v.kind === 'int' || v.kind === 'int64') && !v.typeName ? timeFromUnix(Number(v.v), 0, 'Local') : goNow();
    return durationString(roundDuration(since(when), SECOND));
  }, { effect: 'clock' }),
  date: defineFunc('date', ['string', 'interface {}'], (layout: string, v: GoValue) => dateInZone(layout, v, 'Local'), clockSometimes),
  dateInZone: defineFunc('dateInZone', ['string', 'interface {}', 'string'], dateInZone, clockSometimes),
  date_in_zone: defineFunc('date_in_zone', ['string', 'interface {}', 'string'], dateInZone, clockSometimes),
  htmlDate: defineFunc('htmlDate', ['interface {}'], (v: GoValue) => dateInZone('2006-01-02', v, 'Local'), clockSometimes),
  htmlDateInZone: defineFunc('htmlDateInZone', ['interface {}', 'string'], (v: GoValue, zone: string) => dateInZone('2006-01-02', v, zone), clockSometimes),
  dateModify: defineFunc('dateModify', ['string', 'time.Time'], (d: string, v: GoTime) => {
    try {
      return addDuration(v, parseDuration(d));
    } catch {
      return v;
    }
  }),
  date_modify: defineFunc('date_modify', ['string', 'time.Time'], (d: string, v: GoTime) => {
    try {
      return addDuration(v, parseDuration(d));
    } catch {
      return v;
    }
  }),
  mustDateModify: defineFunc('mustDateModify', ['string', 'time.Time'], (d: string, v: GoTime) => addDuration(v, parseDuration(d)), { returnsError: true }),
  must_date_modify: defineFunc('must_date_modify', ['string', 'time.Time'], (d: string, v: GoTime) => addDuration(v, parseDuration(d)), { returnsError: true }),
  duration: defineFunc('duration', ['interface {}'], (v: GoValue) => {
    let n = 0n;
    if (typeof v === 'string') n = parseIntClamped(v);
    else if (v instanceof GoInt && v.kind === 'int64' && !v.typeName) n = v.v;
    return durationString(BigInt.asIntN(64, n * SECOND));
  }),
  durationRound: defineFunc('durationRound', ['interface {}'], durationRound, clockSometimes),
  toDate: defineFunc('toDate', ['string', 'string'], (layout: string, s: string) => {
    try {
      return parseGoTime(layout, s, 'Local');
    } catch (e) {
      if (e instanceof GoError) return ZERO_TIME;
      throw e;
    }
  }),
  mustToDate: defineFunc('mustToDate', ['string', 'string'], (layout: string, s: string) => parseGoTime(layout, s, 'Local'), { returnsError: true }),
  unixEpoch: defineFunc('unixEpoch', ['time.Time'], (v: GoTime) => String(unixParts(v).sec)),
};
