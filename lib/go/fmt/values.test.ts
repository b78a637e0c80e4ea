/**
 * Differential tests for the Go types beyond YAML data: structs (helm's `.Chart`), typed
 * slices and maps, `[]byte` (`.Files`), Stringers (semver, time.Time) and time.Duration.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE, referenceExecute } from '../../../tests/helm/reference';
import { loadChartFiles } from '../../helm/chart/loader';
import { chartMapForTemplate, chartValueForTemplate } from '../../helm/chart/metadata-go';
import { capabilitiesToGo, defaultCapabilities } from '../../helm/chartutil/capabilities';
import { isHelm4 } from '../../helm/version';
import { durationString } from '../time/duration';
import { goTimeString as timeString } from '../time/gotime';
import { type Fn, evalAction } from '../../../tests/go/fmt-testargs';
import { sprint, sprintf } from './fmt';
import { htmlEscapeString, evalArgsString } from '../../gotemplate/escape';
import { GoInt, GoStruct, GoTime, type GoValue, goMap, stringSlice, withType } from '../value';

/** `.Chart` and `.Capabilities` as the engine builds them for the reference helm (a struct in Helm 3, a map in Helm 4). */
const fixtureChart = loadChartFiles([{ name: 'Chart.yaml', data: new TextEncoder().encode('apiVersion: v2\nname: fixture\nversion: 0.1.0\nappVersion: "1.0"\n') }], {
  helmVersion: REFERENCE.setting,
});
const OBJECTS: Record<string, GoValue> = {
  Chart: isHelm4(REFERENCE.setting) ? chartMapForTemplate(fixtureChart) : chartValueForTemplate(fixtureChart),
  Files: withType(goMap([['files/a.txt', Uint8Array.from([104, 105])]]), { name: 'engine.files' }),
  Release: goMap({ Name: 'release-name', Namespace: 'default', IsUpgrade: false, IsInstall: true, Revision: new GoInt(1), Service: 'Helm' }),
  Capabilities: capabilitiesToGo(defaultCapabilities(REFERENCE.setting)),
};
const FUNCS: Record<string, Fn> = {
  '.Files.GetBytes': () => Uint8Array.from([104, 105]),
  splitList: ([sep, s]) => stringSlice((s as string).split(sep as string)),
  semver: ([v]) => {
    const [major, minor, patch] = (v as string).split('.').map((x) => new GoInt(BigInt(x), 'uint64'));
    const fields: Array<[string, GoValue]> = [['major', major], ['minor', minor], ['patch', patch], ['pre', ''], ['metadata', ''], ['original', v as string]];
    return new GoStruct({ name: '*semver.Version', stringer: () => v as string }, fields);
  },
  // The cases only use the layout `2006-01-02 15:04:05.000`, in the Local zone.
  toDate: ([, s]) => {
    const d = new Date((s as string).replace(' ', 'T'));
    return new GoTime(d.getTime(), 0, 'Local');
  },
};

const FILES = { 'files/a.txt': 'hi' };
const CASES = [
  'printf "%v|%+v|%s|%d" .Chart .Chart .Chart .Chart',
  'print .Chart "x" .Chart 1',
  'printf "%v|%v|%x" (list .Chart) (dict "c" .Chart) .Chart',
  'printf "%v|%+v|%#v|%s|%T|%q" .Capabilities.KubeVersion .Capabilities.KubeVersion .Capabilities.KubeVersion .Capabilities.KubeVersion .Capabilities.KubeVersion .Capabilities.KubeVersion',
  'printf "%v|%s|%q|%x|%X|%d|%#v|%T|%+v|% x|%5v" .Files .Files .Files .Files .Files .Files .Files .Files .Files .Files .Files',
  'printf "%v|%s|%q|%x|%#v|%T|%d|%c|%o|%8s|%.1s|%v" (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (.Files.GetBytes "files/a.txt") (list (.Files.GetBytes "files/a.txt"))',
  'print (.Files.GetBytes "files/a.txt") (list (.Files.GetBytes "files/a.txt")) "s" (.Files.GetBytes "files/a.txt")',
  'printf "%v|%T|%#v|%d" .Release .Release .Release .Release',
  'printf "%v|%#v|%T|%q|%x" (splitList "," "a,b") (splitList "," "a,b") (splitList "," "a,b") (splitList "," "a,b") (splitList "," "a,b")',
  'printf "%v|%s|%+v|%q|%x|%10v|%T|%d" (semver "1.2.3") (list (semver "1.2.3")) (semver "1.2.3") (semver "1.2.3") (semver "1.2.3") (semver "1.2.3") (semver "1.2.3") (semver "1.2.3")',
  'printf "%v|%s|%q|%30v|%x" (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.123") (toDate "2006-01-02 15:04:05.000" "1999-12-31 23:59:59.000") (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.120") (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.000") (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.000")',
  'print (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.123") (list (toDate "2006-01-02 15:04:05.000" "2024-03-05 10:20:30.123"))',
];

describe('fmt of Go types against helm', async () => {
  const reference = await referenceExecute(CASES.map((a) => ({ template: `{{ ${a} }}`, files: FILES })));
  it.each(CASES.map((a, i) => [a, i] as const))('%s', (action, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const { fn, args } = evalAction(action, '', { objects: OBJECTS, funcs: FUNCS });
    expect(fn === 'printf' ? sprintf(args[0] as string, args.slice(1)) : sprint(args)).toBe(ref.output);
  });

  it('html of a struct prints it through evalArgs', async () => {
    const [ref] = await referenceExecute([{ template: '{{ html .Chart }}' }]);
    expect(ref.ok && ref.output).toBe(htmlEscapeString(evalArgsString([OBJECTS.Chart])));
  });
});

describe('time.Duration.String against sprig duration', async () => {
  const SECONDS = [0, 1, 59, 60, 61, 3599, 3600, 3661, 86400, 90061, -5, -3661, 9223372036];
  const reference = await referenceExecute(SECONDS.map((s) => ({ template: `{{ duration (int64 ${s}) }}` })));
  it.each(SECONDS.map((s, i) => [s, i] as const))('%i s', (s, i) => {
    const ref = reference[i];
    expect(ref.ok && ref.output).toBe(durationString(BigInt(s) * 1_000_000_000n));
  });
});

describe('Stringers', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2_200_000n, '2.2ms'],
    [3_300_000_000n, '3.3s'],
    [245_000_000_000n, '4m5s'],
    [245_001_000_000n, '4m5.001s'],
    [18_367_001_000_000n, '5h6m7.001s'],
    [480_000_000_001n, '8m0.000000001s'],
    [(1n << 63n) - 1n, '2562047h47m16.854775807s'],
    [-(1n << 63n), '-2562047h47m16.854775808s'],
  ])('Duration(%s) = %s', (ns, want) => expect(durationString(ns)).toBe(want));

  it('prints a time.Duration value through its String method', () => {
    const d = new GoInt(90_000_000_000n, 'int64', 'time.Duration');
    expect(sprintf('%v|%s|%d|%T', [d, d, d, d])).toBe('1m30s|1m30s|90000000000|time.Duration');
  });

  it.each([
    [new GoTime(Date.UTC(2024, 2, 5, 10, 20, 30, 123), 456_789, 'UTC'), '2024-03-05 10:20:30.123456789 +0000 UTC'],
    [new GoTime(Date.UTC(2024, 0, 15, 12, 0, 0), 0, 'America/New_York'), '2024-01-15 07:00:00 -0500 EST'],
    [new GoTime(Date.UTC(2024, 6, 15, 12, 0, 0), 0, 'America/New_York'), '2024-07-15 08:00:00 -0400 EDT'],
    [new GoTime(Date.UTC(2024, 0, 15, 12, 0, 0), 0, 'Europe/Berlin'), '2024-01-15 13:00:00 +0100 CET'],
    [new GoTime(Date.UTC(2024, 6, 15, 12, 0, 0), 0, 'Europe/Berlin'), '2024-07-15 14:00:00 +0200 CEST'],
    [new GoTime(Date.UTC(2024, 6, 15, 12, 0, 0), 0, 'Asia/Kolkata'), '2024-07-15 17:30:00 +0530 IST'],
    [new GoTime(Date.UTC(2024, 6, 15, 12, 0, 0), 0, 'Asia/Dubai'), '2024-07-15 16:00:00 +0400 +04'],
    [new GoTime(-1, 0, 'UTC'), '1969-12-31 23:59:59.999 +0000 UTC'],
  ])('time %#: %s', (t, want) => expect(timeString(t)).toBe(want));

  it('uses a Map or slice type Stringer', () => {
    const m = withType(goMap({ a: 1 }), { name: 'custom.M', stringer: () => 'custom!' });
    expect(sprintf('%v|%s|%d|%#v', [m, [m], m, m])).toBe('custom!|[custom!]|map[%!d(string=a):%!d(float64=1)]|custom.M{"a":1}');
  });
});
