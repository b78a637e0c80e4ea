/**
 * Go `*time.Location` semantics over the runtime's tz database (Intl): offsets, tzdata
 * abbreviations (`MST`, `CET`, `+05`), `time.LoadLocation` and Go's `Local`.
 *
 * A {@link GoTime}'s `zone` is `UTC`, `Local`, an IANA name, or a fixed zone made by
 * {@link fixedZone} (what `time.Parse` creates for `-0700` or an unknown `MST`).
 */

const FIXED_PREFIX = 'Fixed/';

/** A zone string for Go's `time.FixedZone(name, offsetSeconds)`. */
export function fixedZone(name: string, offsetSeconds: number): string {
  return `${FIXED_PREFIX}${offsetSeconds}/${name}`;
}

let localZone: string | undefined;

/** The IANA zone Go's `Local` stands for: the runtime's zone unless {@link setLocalTimeZone} chose one. */
export function localTimeZone(): string {
  if (localZone === undefined) {
    try {
      localZone = new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      localZone = 'UTC';
    }
  }
  return localZone;
}

/** Pins Go's `Local` to a zone (Helm renders with its machine's zone; tests pin UTC). */
export function setLocalTimeZone(zone: string): void {
  localZone = zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

function isUTCName(zone: string): boolean {
  return zone === 'UTC' || zone === '';
}

/** The IANA zone (or UTC) a Go zone string resolves to; fixed zones return undefined. */
function ianaOf(zone: string): string | undefined {
  if (zone.startsWith(FIXED_PREFIX)) return undefined;
  if (zone === 'Local') return localTimeZone();
  return zone;
}

interface ZoneAt {
  /** Abbreviation Go prints for `MST`. */
  readonly name: string;
  /** Seconds east of UTC. */
  readonly offset: number;
}

/** Offset and abbreviation of a zone at an instant (Unix seconds). */
export function zoneAt(zone: string, unixSec: number): ZoneAt {
  if (zone.startsWith(FIXED_PREFIX)) {
    const [, off, ...name] = zone.slice(FIXED_PREFIX.length - 1).split('/');
    return { name: name.join('/'), offset: Number(off) };
  }
  const iana = ianaOf(zone)!;
  if (isUTCName(iana)) return { name: 'UTC', offset: 0 };
  const offset = offsetOf(iana, unixSec);
  return { name: abbreviation(iana, unixSec, offset), offset };
}

function offsetOf(iana: string, unixSec: number): number {
  const parts = formatter(iana).formatToParts(new Date(unixSec * 1000));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC' || get('era') === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(get('month')) - 1, Number(get('day')));
  d.setUTCHours(Number(get('hour')), Number(get('minute')), Number(get('second')), 0);
  return Math.round(d.getTime() / 1000) - unixSec;
}

// tzdata abbreviations that Intl (en-US) only shows as `GMT+1` and the like: [standard, daylight].
const ABBREVIATIONS: Record<string, [string, string?]> = {};
const group = (names: string, std: string, dst?: string) => names.split(' ').forEach((n) => (ABBREVIATIONS[n] = [std, dst]));
group('Europe/London Europe/Belfast Europe/Guernsey Europe/Isle_of_Man Europe/Jersey GB', 'GMT', 'BST');
group('Europe/Dublin Eire', 'GMT', 'IST');
group('Europe/Lisbon Atlantic/Canary Atlantic/Faroe Atlantic/Madeira Portugal WET', 'WET', 'WEST');
group(
  'Europe/Berlin Europe/Paris Europe/Madrid Europe/Rome Europe/Amsterdam Europe/Brussels Europe/Vienna Europe/Zurich Europe/Stockholm Europe/Oslo Europe/Copenhagen Europe/Warsaw Europe/Prague Europe/Budapest Europe/Belgrade Europe/Luxembourg Europe/Monaco Europe/Malta Europe/Andorra Europe/Tirane Europe/Zagreb Europe/Ljubljana Europe/Sarajevo Europe/Skopje Europe/Bratislava Europe/Gibraltar Europe/Vaduz Europe/San_Marino Europe/Vatican Europe/Podgorica Europe/Busingen Arctic/Longyearbyen Africa/Ceuta Africa/Algiers Africa/Tunis CET Poland',
  'CET',
  'CEST',
);
group(
  'Europe/Athens Europe/Helsinki Europe/Kiev Europe/Kyiv Europe/Bucharest Europe/Sofia Europe/Riga Europe/Tallinn Europe/Vilnius Europe/Chisinau Europe/Mariehamn Asia/Beirut Asia/Nicosia Asia/Famagusta Europe/Nicosia Africa/Cairo Africa/Tripoli Asia/Gaza Asia/Hebron EET Egypt Libya',
  'EET',
  'EEST',
);
group('Europe/Moscow Europe/Simferopol W-SU', 'MSK');
group('Asia/Tokyo Japan', 'JST');
group('Asia/Seoul ROK', 'KST');
group('Asia/Shanghai Asia/Chongqing Asia/Harbin Asia/Taipei Asia/Macau PRC ROC', 'CST');
group('Asia/Hong_Kong Hongkong', 'HKT');
group('Asia/Manila', 'PST', 'PDT');
group('Asia/Kolkata Asia/Calcutta', 'IST');
group('Asia/Karachi', 'PKT');
group('Asia/Jakarta Asia/Pontianak', 'WIB');
group('Asia/Makassar', 'WITA');
group('Asia/Jayapura', 'WIT');
group('Asia/Jerusalem Asia/Tel_Aviv Israel', 'IST', 'IDT');
group('Australia/Sydney Australia/Melbourne Australia/Hobart Australia/Canberra Australia/ACT Australia/NSW Australia/Victoria Australia/Tasmania Australia/Brisbane Australia/Lindeman Australia/Queensland', 'AEST', 'AEDT');
group('Australia/Adelaide Australia/Broken_Hill Australia/South Australia/Darwin Australia/North', 'ACST', 'ACDT');
group('Australia/Perth Australia/West', 'AWST');
group('Pacific/Auckland NZ Antarctica/McMurdo', 'NZST', 'NZDT');
group('Africa/Johannesburg Africa/Maseru Africa/Mbabane', 'SAST');
group('Africa/Lagos Africa/Kinshasa Africa/Luanda Africa/Douala Africa/Libreville Africa/Malabo Africa/Niamey Africa/Porto-Novo Africa/Brazzaville Africa/Bangui Africa/Ndjamena', 'WAT');
group('Africa/Nairobi Africa/Addis_Ababa Africa/Dar_es_Salaam Africa/Kampala Africa/Mogadishu Africa/Djibouti Africa/Asmara Indian/Antananarivo Indian/Comoro Indian/Mayotte', 'EAT');
group('Africa/Maputo Africa/Harare Africa/Lusaka Africa/Lubumbashi Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Kigali Africa/Juba Africa/Khartoum Africa/Windhoek', 'CAT');
group('Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Bissau Africa/Sao_Tome Atlantic/Reykjavik Atlantic/St_Helena Iceland Etc/GMT GMT Etc/Greenwich Greenwich Etc/GMT0 Etc/GMT-0 Etc/GMT+0 GMT0 GMT-0 GMT+0', 'GMT');
group('America/St_Johns Canada/Newfoundland', 'NST', 'NDT');
group('Etc/UTC Etc/UCT Etc/Universal Etc/Zulu UCT Universal Zulu', 'UTC');

const offsetCache = new Map<string, [number, number]>();

function abbreviation(iana: string, unixSec: number, offset: number): string {
  const known = Object.hasOwn(ABBREVIATIONS, iana) ? ABBREVIATIONS[iana] : undefined;
  if (known) {
    if (!known[1]) return known[0];
    return offset === standardOffset(iana, unixSec) ? known[0] : known[1];
  }
  const short = formatter(iana)
    .formatToParts(new Date(unixSec * 1000))
    .find((p) => p.type === 'timeZoneName')?.value;
  if (short && !/^(GMT|UTC)([+-]|$)/.test(short)) return short;
  return numericAbbreviation(offset);
}

function standardOffset(iana: string, unixSec: number): number {
  const year = new Date(unixSec * 1000).getUTCFullYear();
  const key = `${iana}@${year}`;
  let pair = offsetCache.get(key);
  if (!pair) {
    pair = [offsetOf(iana, Date.UTC(year, 0, 1) / 1000), offsetOf(iana, Date.UTC(year, 6, 1) / 1000)];
    offsetCache.set(key, pair);
  }
  return Math.min(pair[0], pair[1]);
}

/** tzdata's numeric abbreviation style: `+05`, `+0530`, `-03`. */
function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = Math.floor((abs % 3600) / 60);
  return sign + h + (m ? String(m).padStart(2, '0') : '');
}

/**
 * `time.LoadLocation`: "" and "UTC" are UTC, "Local" is Local, else an IANA name exactly as the
 * tz database spells it (Go reads files, so case matters). Returns undefined when unknown.
 */
export function loadLocation(name: string): string | undefined {
  if (name === '' || name === 'UTC') return 'UTC';
  if (name === 'Local') return 'Local';
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return undefined;
    return name;
  } catch {
    return undefined;
  }
}

/**
 * Go's `Date(...)` for wall-clock seconds in a zone: the Unix second whose local time reads
 * `wallSec` (Go's choice in gaps and overlaps: the offset in effect just before).
 */
export function unixFromWall(wallSec: number, zone: string): number {
  const first = zoneAt(zone, wallSec).offset;
  if (first === 0) return wallSec;
  const utc = wallSec - first;
  const second = zoneAt(zone, utc).offset;
  return wallSec - second;
}
