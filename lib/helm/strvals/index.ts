/**
 * Helm's `pkg/strvals`: the `--set` family of value flags parsed into (or onto) a values map.
 * Each function throws a StrvalsError with Helm's message; Helm adds the flag
 * (`failed parsing --set data: ...`), see lib/helm/chartutil/merge-values.ts. `helmVersion`
 * (default 4.1) chooses how a name ending inside `[` ends the line, the one rule the two differ on.
 */
import type { GoMap, GoValue } from '../../go';
import type { HelmVersion } from '../version';
import { LiteralParser } from './literal';
import { Parser, RuneScanner, typedVal } from './parser';

export { escapeKey, joinPath, pathKeys, pathOf } from './path';
export { MAX_INDEX, MAX_NESTED_NAME_LEVEL, StrvalsError, typedVal } from './parser';

/** strvals.ParseInto (`--set`): ints become int64, true/false bools, null deletes later. */
export function parseSet(line: string, dest: GoMap = new Map(), helmVersion?: HelmVersion): GoMap {
  new Parser(new RuneScanner(line), dest, (rs) => typedVal(rs, false), false, helmVersion).parse();
  return dest;
}

/** strvals.ParseIntoString (`--set-string`): every value is a string. */
export function parseSetString(line: string, dest: GoMap = new Map(), helmVersion?: HelmVersion): GoMap {
  new Parser(new RuneScanner(line), dest, (rs) => typedVal(rs, true), false, helmVersion).parse();
  return dest;
}

/** strvals.ParseJSON (`--set-json`): values are JSON (numbers float64); empty means null. */
export function parseSetJson(line: string, dest: GoMap = new Map(), helmVersion?: HelmVersion): GoMap {
  new Parser(new RuneScanner(line), dest, null, true, helmVersion).parse();
  return dest;
}

/**
 * strvals.ParseIntoFile (`--set-file`): each value names a file whose contents become the
 * value; `readFile` supplies them (throwing the error text Helm would show).
 */
export function parseSetFile(line: string, readFile: (path: string) => string, dest: GoMap = new Map(), helmVersion?: HelmVersion): GoMap {
  new Parser(new RuneScanner(line), dest, (rs): GoValue => readFile(rs), false, helmVersion).parse();
  return dest;
}

/** strvals.ParseLiteralInto (`--set-literal`): the rest of the line is the value, verbatim. */
export function parseSetLiteral(line: string, dest: GoMap = new Map(), helmVersion?: HelmVersion): GoMap {
  new LiteralParser(new RuneScanner(line), dest, helmVersion).parse();
  return dest;
}
