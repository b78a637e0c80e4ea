/**
 * Sprig 3.3's text/template function map as Helm 3.17 installs it: sprig.TxtFuncMap() without
 * `env` and `expandenv`, which Helm deletes. Helm's own functions (include, tpl, toYaml, ...)
 * are layered on top elsewhere. Grouped like genericMap in sprig's functions.go.
 */
import type { FuncMap, FuncEffect, GoRelease } from '../go';
import { conversionFuncs } from './conversion';
import { cryptoFuncs } from './crypto';
import { dateFuncs } from './date';
import { defaultsFuncs } from './defaults';
import { dictFuncs } from './dicts';
import { encodingFuncs } from './encoding';
import { flowFuncs } from './flow';
import { sprigJsonFuncs } from './json';
import { listFuncs } from './lists';
import { mathFuncs } from './math';
import { networkFuncs } from './network';
import { pathFuncs } from './paths';
import { randomFuncs } from './random';
import { reflectFuncs } from './reflect';
import { regexFuncs } from './regex';
import { semverFuncs } from './semver';
import type { SemverRelease } from '../deps';
import { stringFuncs } from './strings';
import { urlFuncs } from './url';

/** Helm removes these from Sprig's map: templates must not read the environment. */
const HELM_REMOVED = ['env', 'expandenv'];

/** Sprig's function map as Helm installs it (a fresh object each call; callers may extend it). */
export function sprigFuncMap(opts: { semver?: SemverRelease; go?: GoRelease } = {}): FuncMap {
  const map: FuncMap = {
    // Date functions
    ...dateFuncs,
    // Strings (and `hello`, split/join, sortAlpha)
    ...stringFuncs,
    // Conversions: toString, toStrings, atoi, int, int64, float64, toDecimal
    ...conversionFuncs,
    // Arithmetic, rounding and sequences
    ...mathFuncs,
    // Defaults
    ...defaultsFuncs,
    // JSON
    ...sprigJsonFuncs,
    // Reflection
    ...reflectFuncs,
    // Network
    ...networkFuncs,
    // Paths and filepaths
    ...pathFuncs,
    // Encoding
    ...encodingFuncs,
    // Data structures: lists and dicts
    ...listFuncs,
    ...dictFuncs,
    // Crypto, hashes and random strings
    ...cryptoFuncs,
    ...randomFuncs,
    // SemVer
    ...semverFuncs(opts.semver),
    // Flow control
    ...flowFuncs,
    // Regex
    ...regexFuncs,
    // URLs
    ...urlFuncs(opts.go ?? 'go1.25'),
  };
  for (const name of HELM_REMOVED) delete map[name];
  return map;
}

/** The names of Sprig's functions (as Helm installs them) with one of `effects`, as each declares. */
export function functionsWith(...effects: FuncEffect[]): ReadonlySet<string> {
  const map = sprigFuncMap();
  return new Set(Object.keys(map).filter((name) => map[name].effect !== undefined && effects.includes(map[name].effect)));
}

/**
 * Names whose results vary between runs for the same arguments: random strings, numbers and
 * shuffles, generated keys and certificates, salted or randomly initialised crypto (bcrypt,
 * htpasswd, encryptAES), and the clock. Sprig's own nonhermetic list also names `dateModify`
 * (a given time plus a duration, the same at every run) and `getHostByName` (Helm's replacement
 * answers "" without a lookup); both are compared with helm byte for byte.
 */
export const NON_DETERMINISTIC: ReadonlySet<string> = functionsWith('random', 'clock', 'clock-sometimes');

/** Names that modify a value passed to them (`sortAlpha` sorts a `[]string` argument in place). */
export const MUTATING: ReadonlySet<string> = functionsWith('mutates');
