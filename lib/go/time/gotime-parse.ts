/** Go's `time.ParseInLocation`, error texts included. */
import { GoError, type GoTime } from '../value';
import { timeFromUnix, timeQuote } from './gotime';
import { isDigitAt, LONG_DAYS, LONG_MONTHS, nextStdChunk, SHORT_DAYS, SHORT_MONTHS, type Std } from './gotime-layout';
import { fixedZone, unixFromWall, zoneAt } from './timezone';

class Bad extends Error {}

function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): GoError {
  if (message) return new GoError(`parsing time ${timeQuote(value)}${message}`);
  return new GoError(`parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
}

const cutspace = (s: string): string => s.replace(/^ +/, '');

function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') throw new Bad();
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw new Bad();
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new Bad();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new Bad();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let i = 0;
  while (i < 3 && isDigitAt(s, i)) i++;
  if (i === 0 || (fixed && i !== 3)) throw new Bad();
  return [Number(s.slice(0, i)), s.slice(i)];
}

function lookup(tab: string[], val: string): [number, string] {
  for (let i = 0; i < tab.length; i++) {
    if (val.length >= tab[i].length && val.slice(0, tab[i].length).toLowerCase() === tab[i].toLowerCase()) return [i, val.slice(tab[i].length)];
  }
  throw new Bad();
}

function parseNanoseconds(value: string, nbytes: number): number {
  if (value[0] !== '.' && value[0] !== ',') throw new Bad();
  if (nbytes > 10) nbytes = 10;
  const digits = value.slice(1, nbytes);
  if (!/^[0-9]+$/.test(digits)) throw new Bad();
  return Number(digits) * 10 ** (10 - nbytes);
}

function leadingIntLen(s: string): number {
  let i = 0;
  while (isDigitAt(s, i)) i++;
  return i;
}

function parseSignedOffset(value: string): number {
  if (value[0] !== '+' && value[0] !== '-') return 0;
  const n = leadingIntLen(value.slice(1));
  if (n === 0 || Number(value.slice(1, 1 + n)) > 23) return 0;
  return 1 + n;
}

function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  if (n === 3) return 3;
  if (n === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (n === 5 && value[4] === 'T') return 5;
  return 0;
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (m: number, y: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** Wall-clock fields as if in UTC → seconds. */
function wallSeconds(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime() / 1000;
}

/** Go's `time.ParseInLocation(layout, value, loc)`; throws GoError with Go's `parsing time ...` text. */
export function parseGoTime(layout: string, value: string, zone: string): GoTime {
  const alayout = layout;
  const avalue = value;
  let amSet = false;
  let pmSet = false;
  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let z: string | undefined;
  let zoneOffset = -1;
  let zoneName = '';
  for (;;) {
    const chunk = nextStdChunk(layout);
    const stdstr = layout.slice(chunk.prefix.length, layout.length - chunk.suffix.length);
    try {
      value = skip(value, chunk.prefix);
    } catch {
      throw parseError(alayout, avalue, chunk.prefix, value, '');
    }
    if (!chunk.std) {
      if (value.length) throw parseError(alayout, avalue, '', value, `: extra text: ${timeQuote(value)}`);
      break;
    }
    layout = chunk.suffix;
    const hold = value;
    let rangeErr = '';
    try {
      switch (chunk.std) {
        case 'Year': {
          if (value.length < 2) throw new Bad();
          const p = value.slice(0, 2);
          if (!/^[0-9]{2}$/.test(p)) throw new Bad();
          value = value.slice(2);
          year = Number(p);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case 'LongYear': {
          if (value.length < 4 || !isDigitAt(value, 0)) throw new Bad();
          const p = value.slice(0, 4);
          if (!/^[0-9]{4}$/.test(p)) throw new Bad();
          value = value.slice(4);
          year = Number(p);
          break;
        }
        case 'Month': [month, value] = lookup(SHORT_MONTHS, value); month++; break;
        case 'LongMonth': [month, value] = lookup(LONG_MONTHS, value); month++; break;
        case 'NumMonth':
        case 'ZeroMonth':
          [month, value] = getnum(value, chunk.std === 'ZeroMonth');
          if (month <= 0 || month > 12) rangeErr = 'month';
          break;
        case 'WeekDay': [, value] = lookup(SHORT_DAYS, value); break;
        case 'LongWeekDay': [, value] = lookup(LONG_DAYS, value); break;
        case 'Day':
        case 'UnderDay':
        case 'ZeroDay':
          if (chunk.std === 'UnderDay' && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, chunk.std === 'ZeroDay');
          break;
        case 'UnderYearDay':
        case 'ZeroYearDay':
          for (let i = 0; i < 2; i++) if (chunk.std === 'UnderYearDay' && value[0] === ' ') value = value.slice(1);
          [yday, value] = getnum3(value, chunk.std === 'ZeroYearDay');
          break;
        case 'Hour':
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) rangeErr = 'hour';
          break;
        case 'Hour12':
        case 'ZeroHour12':
          [hour, value] = getnum(value, chunk.std === 'ZeroHour12');
          if (hour < 0 || hour > 12) rangeErr = 'hour';
          break;
        case 'Minute':
        case 'ZeroMinute':
          [min, value] = getnum(value, chunk.std === 'ZeroMinute');
          if (min < 0 || min >= 60) rangeErr = 'minute';
          break;
        case 'Second':
        case 'ZeroSecond':
          [sec, value] = getnum(value, chunk.std === 'ZeroSecond');
          if (sec < 0 || sec >= 60) {
            rangeErr = 'second';
            break;
          }
          if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
            const next = nextStdChunk(layout).std;
            if (next === 'Frac0' || next === 'Frac9') break;
            let n = 2;
            while (isDigitAt(value, n)) n++;
            nsec = parseNanoseconds(value, n);
            value = value.slice(n);
          }
          break;
        case 'PM':
        case 'pm': {
          if (value.length < 2) throw new Bad();
          const p = value.slice(0, 2);
          value = value.slice(2);
          const [am, pm] = chunk.std === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
          if (p === pm) pmSet = true;
          else if (p === am) amSet = true;
          else throw new Bad();
          break;
        }
        case 'TZ': {
          if (value.startsWith('UTC')) {
            z = 'UTC';
            value = value.slice(3);
            break;
          }
          const n = parseTimeZone(value);
          if (!n) throw new Bad();
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case 'Frac0': {
          const ndigit = 1 + chunk.digits!;
          if (value.length < ndigit) throw new Bad();
          nsec = parseNanoseconds(value, ndigit);
          value = value.slice(ndigit);
          break;
        }
        case 'Frac9': {
          if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigitAt(value, 1)) break;
          let i = 0;
          while (isDigitAt(value, i + 1)) i++;
          nsec = parseNanoseconds(value, 1 + i);
          value = value.slice(1 + i);
          break;
        }
        default: {
          if (chunk.std.startsWith('ISO8601') && value[0] === 'Z') {
            value = value.slice(1);
            z = 'UTC';
            break;
          }
          [zoneOffset, value, rangeErr] = parseNumericZone(chunk.std, value);
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      throw parseError(alayout, avalue, stdstr, hold, '');
    }
    if (rangeErr) throw parseError(alayout, avalue, stdstr, value, `: ${rangeErr} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw parseError(alayout, avalue, '', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m] < yday) m++;
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (month >= 0 && month !== m) throw parseError(alayout, avalue, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw parseError(alayout, avalue, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw parseError(alayout, avalue, '', value, ': day out of range');

  const wall = wallSeconds(year, month, day, hour, min, sec);
  if (z) return timeFromUnix(wall, nsec, z);
  if (zoneOffset !== -1) {
    const unix = wall - zoneOffset;
    const local = zoneAt(zone, unix);
    if (local.offset === zoneOffset && (zoneName === '' || local.name === zoneName)) return timeFromUnix(unix, nsec, zone);
    return timeFromUnix(unix, nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName) {
    const local = zoneAt(zone, wall);
    if (local.name === zoneName) return timeFromUnix(wall - local.offset, nsec, zone);
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
    return timeFromUnix(wall - offset, nsec, fixedZone(zoneName, offset));
  }
  return timeFromUnix(unixFromWall(wall, zone), nsec, zone);
}

function parseNumericZone(std: Std, value: string): [number, string, string] {
  let sign: string, hh: string, mm: string, ss: string;
  const colon = std === 'ISO8601ColonTZ' || std === 'NumColonTZ';
  const short = std === 'NumShortTZ' || std === 'ISO8601ShortTZ';
  const colonSeconds = std === 'ISO8601ColonSecondsTZ' || std === 'NumColonSecondsTZ';
  const seconds = std === 'ISO8601SecondsTZ' || std === 'NumSecondsTz';
  if (colon) {
    if (value.length < 6 || value[3] !== ':') throw new Bad();
    [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(4, 6), '00', value.slice(6)];
  } else if (short) {
    if (value.length < 3) throw new Bad();
    [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), '00', '00', value.slice(3)];
  } else if (colonSeconds) {
    if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw new Bad();
    [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
  } else if (seconds) {
    if (value.length < 7) throw new Bad();
    [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
  } else {
    if (value.length < 5) throw new Bad();
    [sign, hh, mm, ss, value] = [value[0], value.slice(1, 3), value.slice(3, 5), '00', value.slice(5)];
  }
  const [hr] = getnum(hh, true);
  const [mi] = getnum(mm, true);
  const [se] = getnum(ss, true);
  let rangeErr = '';
  if (hr > 24) rangeErr = 'time zone offset hour';
  if (mi > 60) rangeErr = 'time zone offset minute';
  if (se > 60) rangeErr = 'time zone offset second';
  let offset = (hr * 60 + mi) * 60 + se;
  if (sign === '-') offset = -offset;
  else if (sign !== '+') throw new Bad();
  return [offset, value, rangeErr];
}
