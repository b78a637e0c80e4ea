import { DEFAULT_HELM_VERSION, parseHelmVersion, type HelmVersion } from '../helm';
/**
 * Command-line parsing with pflag's rules (what helm uses): `--flag value`, `--flag=value`,
 * `-f value`, `-fvalue`, `-f=value`, boolean flags without a value, `--` ends flags, flags and
 * positionals in any order. "slice" flags split on commas like pflag's StringSlice; "array"
 * flags keep each occurrence whole like StringArray.
 */
export type FlagKind = 'string' | 'bool' | 'slice' | 'array';

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  help: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[] | string | boolean>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, string[] | string | boolean>();
  const positionals: string[] = [];

  const set = (spec: FlagSpec, value: string | undefined, next: () => string | undefined, shown: string) => {
    if (spec.kind === 'bool') {
      if (value === undefined) flags.set(spec.name, true);
      else if (/^(1|t|T|TRUE|true|True)$/.test(value)) flags.set(spec.name, true);
      else if (/^(0|f|F|FALSE|false|False)$/.test(value)) flags.set(spec.name, false);
      else throw new UsageError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      return;
    }
    const v = value ?? next();
    if (v === undefined) throw new UsageError(`flag needs an argument: ${shown}`);
    if (spec.kind === 'string') flags.set(spec.name, v);
    else {
      const prev = (flags.get(spec.name) as string[] | undefined) ?? [];
      flags.set(spec.name, [...prev, ...(spec.kind === 'slice' ? splitCsv(v) : [v])]);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : undefined);
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      set(spec, eq < 0 ? undefined : a.slice(eq + 1), next, `--${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      const spec = byShort.get(a[1]);
      if (!spec) throw new UsageError(`unknown shorthand flag: '${a[1]}' in ${a}`);
      const rest = a.slice(2);
      const value = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
      set(spec, value, next, `-${a[1]}, --${spec.name}`);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

/** pflag's StringSlice reads its value as one CSV record. */
function splitCsv(v: string): string[] {
  if (v === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (quoted) {
      if (c === '"' && v[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function flagString(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function flagList(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  return Array.isArray(v) ? v : [];
}

export function flagBool(p: ParsedArgs, name: string): boolean {
  return p.flags.get(name) === true;
}

export function usage(command: string, specs: readonly FlagSpec[]): string {
  const lines = specs.map((s) => {
    const names = s.short ? `-${s.short}, --${s.name}` : `    --${s.name}`;
    const arg = s.kind === 'bool' ? '' : s.kind === 'string' ? ' string' : ' strings';
    return `  ${(names + arg).padEnd(32)} ${s.help}`;
  });
  return `Usage:\n  chartroom ${command}\n\nFlags:\n${lines.join('\n')}\n`;
}

/** The `--helm-version` flag every command shares. */
export const HELM_VERSION_FLAG: FlagSpec = { name: 'helm-version', kind: 'string', help: 'render as Helm 4 (4.1.4) or 3 (3.17.3); also 4.1, 3.17 (default 4)' };

/** `--helm-version` read: 4 and 4.1 mean helm 4.1.4, 3 and 3.17 helm 3.17.3. @throws UsageError */
export function flagHelmVersion(p: ParsedArgs): HelmVersion {
  const text = flagString(p, 'helm-version');
  if (text === undefined) return DEFAULT_HELM_VERSION;
  const v = parseHelmVersion(text);
  if (!v) throw new UsageError(`invalid --helm-version "${text}": use 4 (or 4.1) or 3 (or 3.17)`);
  return v;
}
