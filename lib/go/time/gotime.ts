/**
 * Go's time layouts: `Time.Format` and `Time.String` (parsing is in gotime-parse.ts), over
 * {@link GoTime} (an instant plus a zone; see timezone.ts for zones).
 */
import { GoTime } from '../value';
import { LONG_DAYS, LONG_MONTHS, nextStdChunk, SHORT_DAYS, SHORT_MONTHS, type Std } from './gotime-layout';
import { zoneAt } from './timezone';


/** A GoTime produced by `time.Now()`: it carries a monotonic reading that `String()` prints as `m=±s`. */
export class MonotonicGoTime extends GoTime {
  constructor(
    epochMs: number,
    nanos: number,
    zone: string,
    /** Seconds since the process (page) started, printed by `String()`. */
    readonly monotonicSeconds: number,
  ) {
    super(epochMs, nanos, zone);
  }
}

/** Unix seconds and nanoseconds-in-second of a GoTime. */
export function unixParts(t: GoTime): { sec: number; nsec: number } {
  const sec = Math.floor(t.epochMs / 1000);
  return { sec, nsec: (t.epochMs - sec * 1000) * 1e6 + t.nanos };
}

/** Builds a GoTime from Unix seconds + nanoseconds (any range; nanoseconds are normalised). */
export function timeFromUnix(sec: number, nsec: number, zone: string): GoTime {
  const carry = Math.floor(nsec / 1e9);
  sec += carry;
  nsec -= carry * 1e9;
  const ms = Math.floor(nsec / 1e6);
  return new GoTime(sec * 1000 + ms, nsec - ms * 1e6, zone);
}

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  weekday: number;
  yday: number;
  nsec: number;
  zoneName: string;
  offset: number;
}

function civil(t: GoTime): Civil {
  const { sec, nsec } = unixParts(t);
  const z = zoneAt(t.zone, sec);
  const d = new Date((sec + z.offset) * 1000);
  const year = d.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yday: Math.floor((d.getTime() - jan1.getTime()) / 86400000) + 1,
    nsec,
    zoneName: z.name,
    offset: z.offset,
  };
}

const pad = (n: number, width: number): string => (n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0'));

function appendTZ(std: Std, offset: number): string {
  if (offset === 0 && std.startsWith('ISO8601')) return 'Z';
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let out = '+';
  if (zone < 0) {
    out = '-';
    zone = -zone;
    abs = -abs;
  }
  out += pad(Math.trunc(zone / 60), 2);
  if (std === 'ISO8601ColonTZ' || std === 'NumColonTZ' || std === 'ISO8601ColonSecondsTZ' || std === 'NumColonSecondsTZ') out += ':';
  if (std !== 'NumShortTZ' && std !== 'ISO8601ShortTZ') out += pad(zone % 60, 2);
  if (std === 'ISO8601SecondsTZ' || std === 'NumSecondsTz' || std === 'NumColonSecondsTZ' || std === 'ISO8601ColonSecondsTZ') {
    if (std === 'NumColonSecondsTZ' || std === 'ISO8601ColonSecondsTZ') out += ':';
    out += pad(abs % 60, 2);
  }
  return out;
}

/** Go's `Time.Format(layout)`. */
export function formatGoTime(t: GoTime, layout: string): string {
  const c = civil(t);
  let out = '';
  for (;;) {
    const chunk = nextStdChunk(layout);
    out += chunk.prefix;
    if (!chunk.std) break;
    layout = chunk.suffix;
    switch (chunk.std) {
      case 'Year': out += pad(Math.abs(c.year) % 100, 2); break;
      case 'LongYear': out += pad(c.year, 4); break;
      case 'Month': out += SHORT_MONTHS[c.month - 1]; break;
      case 'LongMonth': out += LONG_MONTHS[c.month - 1]; break;
      case 'NumMonth': out += c.month; break;
      case 'ZeroMonth': out += pad(c.month, 2); break;
      case 'WeekDay': out += SHORT_DAYS[c.weekday]; break;
      case 'LongWeekDay': out += LONG_DAYS[c.weekday]; break;
      case 'Day': out += c.day; break;
      case 'UnderDay': out += (c.day < 10 ? ' ' : '') + c.day; break;
      case 'ZeroDay': out += pad(c.day, 2); break;
      case 'UnderYearDay': out += String(c.yday).padStart(3, ' '); break;
      case 'ZeroYearDay': out += pad(c.yday, 3); break;
      case 'Hour': out += pad(c.hour, 2); break;
      case 'Hour12': out += c.hour % 12 || 12; break;
      case 'ZeroHour12': out += pad(c.hour % 12 || 12, 2); break;
      case 'Minute': out += c.min; break;
      case 'ZeroMinute': out += pad(c.min, 2); break;
      case 'Second': out += c.sec; break;
      case 'ZeroSecond': out += pad(c.sec, 2); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case 'TZ':
        if (c.zoneName) out += c.zoneName;
        else {
          const z = Math.trunc(c.offset / 60);
          out += (z < 0 ? '-' : '+') + pad(Math.trunc(Math.abs(z) / 60), 2) + pad(Math.abs(z) % 60, 2);
        }
        break;
      case 'Frac0':
      case 'Frac9': {
        let frac = String(c.nsec).padStart(9, '0').slice(0, chunk.digits);
        if (chunk.std === 'Frac9') frac = frac.replace(/0+$/, '');
        if (frac) out += chunk.sep + frac;
        break;
      }
      default: out += appendTZ(chunk.std, c.offset);
    }
  }
  return out;
}

/** Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, plus ` m=±s` for `now`. */
export function goTimeString(t: GoTime): string {
  let s = formatGoTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
  if (t instanceof MonotonicGoTime) {
    const m = t.monotonicSeconds;
    s += ` m=${m < 0 ? '-' : '+'}${Math.abs(m).toFixed(9)}`;
  }
  return s;
}

/** time's own quoting for error messages (only `"` and `\` escaped, non-ASCII as \x bytes). */
export function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else out += (ch === '"' || ch === '\\' ? '\\' : '') + ch;
  }
  return out + '"';
}

