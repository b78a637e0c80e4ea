/** The String() methods of time.Time and time.Duration, which fmt uses as Stringers. */
import type { GoTime } from './value';

/** Go's time.Duration.String(): `1h2m3.5s`, `1.5ms`, `0s`. */
export function durationString(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) [prec, unit] = [0, 'ns'];
    else if (u < 1_000_000n) [prec, unit] = [3, 'µs'];
    else [prec, unit] = [6, 'ms'];
    const [frac, whole] = fraction(u, prec);
    out = `${whole}${frac}${unit}`;
  } else {
    const [frac, secs] = fraction(u, 9);
    u = secs;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m` + out;
      u /= 60n;
      if (u > 0n) out = `${u}h` + out;
    }
  }
  return neg ? '-' + out : out;
}

/** Go's fmtFrac: the fraction of v / 10^prec without trailing zeros (no dot if zero), and the quotient. */
function fraction(v: bigint, prec: number): [string, bigint] {
  const p = 10n ** BigInt(prec);
  const f = (v % p).toString().padStart(prec, '0').replace(/0+$/, '');
  return [f ? '.' + f : '', v / p];
}

/** tzdata abbreviations that ICU prints as `GMT+1` etc. in en-US. */
const ZONE_ABBREVIATIONS: Record<string, [standard: string, daylight: string]> = {
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Lisbon': ['WET', 'WEST'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Seoul': ['KST', 'KST'],
};
const CENTRAL_EUROPE = /^Europe\/(Amsterdam|Andorra|Belgrade|Berlin|Bratislava|Brussels|Budapest|Copenhagen|Gibraltar|Ljubljana|Luxembourg|Madrid|Malta|Monaco|Oslo|Paris|Prague|Rome|San_Marino|Sarajevo|Skopje|Stockholm|Tirane|Vaduz|Vatican|Vienna|Warsaw|Zagreb|Zurich)$/;
const EASTERN_EUROPE = /^Europe\/(Athens|Bucharest|Helsinki|Kyiv|Kiev|Riga|Sofia|Tallinn|Vilnius|Chisinau)$/;

function resolveZone(zone: string): string {
  if (zone === 'Local') {
    try {
      return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      return 'UTC';
    }
  }
  return zone;
}

/** The UTC offset (minutes east) and abbreviation of a zone at an instant. */
export function zoneAt(zone: string, epochMs: number): { offsetMinutes: number; abbrev: string } {
  const tz = resolveZone(zone);
  if (tz === 'UTC' || tz === 'Etc/UTC') return { offsetMinutes: 0, abbrev: 'UTC' };
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    timeZoneName: 'short',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  const wall = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'), +get('second'));
  const offsetMinutes = Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60000);
  let abbrev = get('timeZoneName');
  if (/^GMT([+-]|$)/.test(abbrev)) {
    const january = zoneOffsetOnly(tz, Date.UTC(new Date(epochMs).getUTCFullYear(), 0, 1));
    const dst = offsetMinutes !== january;
    const known = ZONE_ABBREVIATIONS[tz];
    if (known) abbrev = known[dst ? 1 : 0];
    else if (CENTRAL_EUROPE.test(tz)) abbrev = dst ? 'CEST' : 'CET';
    else if (EASTERN_EUROPE.test(tz)) abbrev = dst ? 'EEST' : 'EET';
    else abbrev = numericAbbrev(offsetMinutes);
  }
  return { offsetMinutes, abbrev };
}

function zoneOffsetOnly(tz: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(epochMs));
  const get = (t: string) => +(parts.find((p) => p.type === t)?.value ?? 0);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - epochMs) / 60000);
}

/** tzdata's numeric abbreviation style: `+03`, `-0930`. */
function numericAbbrev(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  const h = String(Math.floor(a / 60)).padStart(2, '0');
  return a % 60 ? `${sign}${h}${String(a % 60).padStart(2, '0')}` : `${sign}${h}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST` (no monotonic reading). */
export function timeString(t: GoTime): string {
  const { offsetMinutes, abbrev } = zoneAt(t.zone, t.epochMs);
  const msInSecond = ((t.epochMs % 1000) + 1000) % 1000;
  const d = new Date(t.epochMs - msInSecond + offsetMinutes * 60000);
  const year = d.getUTCFullYear();
  const yearText = year < 0 ? '-' + pad(-year, 4) : pad(year, 4);
  const nanos = msInSecond * 1_000_000 + t.nanos;
  const frac = nanos ? '.' + String(nanos).padStart(9, '0').replace(/0+$/, '') : '';
  const a = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
  return `${yearText}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} ${offset} ${abbrev}`;
}
