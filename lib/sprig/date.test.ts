import { afterEach, describe, expect, it } from 'vitest';
import { GoError, GoInt, GoTime } from '../go/value';
import { dateFuncs, durationString, formatGoTime, goTimeString, MonotonicGoTime, parseDuration, parseGoTime, setClock, setLocalTimeZone } from './date';

setLocalTimeZone('UTC');
const t = parseGoTime('2006-01-02T15:04:05.999999999Z07:00', '2009-11-10T23:04:05.012300000Z', 'UTC');

describe('formatGoTime', () => {
  it.each([
    ['2006-01-02T15:04:05Z07:00', '2009-11-10T23:04:05Z'],
    ['Mon Jan _2 15:04:05.000 MST 2006', 'Tue Nov 10 23:04:05.012 UTC 2009'],
    ['3:04:05 pm', '11:04:05 pm'],
    ['.999999999|.000000|,9', '.0123|.012300|'],
    ['January 2, 06 (002)', 'November 10, 09 (314)'],
    ['Janet Monty', 'Janet Monty'],
  ])('%s', (layout, expected) => expect(formatGoTime(t, layout)).toBe(expected));

  it('prints zones with tzdata abbreviations and fixed offsets', () => {
    expect(formatGoTime(new GoTime(t.epochMs, 0, 'Asia/Tokyo'), '15:04 MST -07:00')).toBe('08:04 JST +09:00');
    expect(formatGoTime(new GoTime(t.epochMs, 0, 'Asia/Dubai'), 'MST')).toBe('+04');
    expect(goTimeString(parseGoTime('2006-01-02 -0700', '2020-01-01 +0530', 'UTC'))).toBe('2020-01-01 00:00:00 +0530 +0530');
  });

  it('prints the monotonic reading of now', () => {
    expect(goTimeString(new MonotonicGoTime(0, 0, 'UTC', 1.5))).toBe('1970-01-01 00:00:00 +0000 UTC m=+1.500000000');
  });
});

describe('parseGoTime errors', () => {
  it.each([
    ['2006-01-02', '2024-1-02', 'parsing time "2024-1-02" as "2006-01-02": cannot parse "1-02" as "01"'],
    ['2006-01-02', '2024-02-30', 'parsing time "2024-02-30": day out of range'],
    ['15:04', '12:60', 'parsing time "12:60": minute out of range'],
    ['2006', '2024x', 'parsing time "2024x": extra text: "x"'],
  ])('%s %s', (layout, value, message) => expect(() => parseGoTime(layout, value, 'UTC')).toThrow(new GoError(message)));
});

describe('durations', () => {
  it.each([
    ['1h2m3.5s', 3723500000000n, '1h2m3.5s'],
    ['1.5ms', 1500000n, '1.5ms'],
    ['-90s', -90000000000n, '-1m30s'],
    ['2µs', 2000n, '2µs'],
    ['0', 0n, '0s'],
    ['.5h', 1800000000000n, '30m0s'],
  ])('%s', (text, ns, printed) => {
    expect(parseDuration(text)).toBe(ns);
    expect(durationString(ns)).toBe(printed);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1y', 'time: unknown unit "y" in duration "1y"'],
    ['9999999999h', 'time: invalid duration "9999999999h"'],
  ])('rejects %j', (text, message) => expect(() => parseDuration(text)).toThrow(new GoError(message)));
});

describe('clock-dependent functions', () => {
  let restore: (() => number) | undefined;
  afterEach(() => restore && setClock(restore));

  it('now, ago and durationRound of a time use the clock', () => {
    restore = setClock(() => Date.UTC(2024, 0, 1, 12, 0, 0));
    const now = dateFuncs.now.call() as GoTime;
    expect(formatGoTime(now, '2006-01-02 15:04:05 MST')).toBe('2024-01-01 12:00:00 UTC');
    expect(dateFuncs.ago.call(new GoInt(Date.UTC(2024, 0, 1, 10, 29, 59) / 1000, 'int'))).toBe('1h30m1s');
    expect(dateFuncs.durationRound.call(parseGoTime('2006-01-02', '2023-12-01', 'UTC'))).toBe('1mo');
    expect(dateFuncs.date.call('2006', 1.5)).toBe('2024');
  });
});

describe('dateModify aliases', () => {
  it('must_date_modify is mustDateModify under its snake_case name', () => {
    const t = parseGoTime('2006-01-02 15:04', '2024-03-05 10:00', 'UTC');
    const a = dateFuncs.must_date_modify.call('-90m', t) as GoTime;
    const b = dateFuncs.mustDateModify.call('-90m', t) as GoTime;
    expect(goTimeString(a)).toBe('2024-03-05 08:30:00 +0000 UTC');
    expect(goTimeString(a)).toBe(goTimeString(b));
    expect(() => dateFuncs.must_date_modify.call('soon', t)).toThrow(/invalid duration/);
  });
});
