/**
 * Sprig 3.3's text/template function map as Helm 3.17 installs it: sprig.TxtFuncMap() without
 * `env` and `expandenv`, which Helm deletes. Helm's own functions (include, tpl, toYaml, ...)
 * are layered on top elsewhere. Grouped like genericMap in sprig's functions.go.
 */
import type { FuncMap } from '../gotemplate/func';
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
import { semverFuncs } from '../deps/semver';
import { stringFuncs } from './strings';
import { urlFuncs } from './url';

/**
 * Names whose results vary between runs: Sprig's nonhermetic list (dates, random strings, uuid,
 * network) plus random integers and shuffles, generated keys and certificates, and salted or
 * randomly initialised crypto (bcrypt, htpasswd, encryptAES).
 */
export const NON_DETERMINISTIC: ReadonlySet<string> = new Set([
  // Dates relative to now
  'now',
  'ago',
  'date',
  'date_in_zone',
  'dateInZone',
  'htmlDate',
  'htmlDateInZone',
  'date_modify',
  'dateModify',
  'must_date_modify',
  'mustDateModify',
  // Randomness
  'randAlphaNum',
  'randAlpha',
  'randAscii',
  'randNumeric',
  'randBytes',
  'randInt',
  'shuffle',
  'uuidv4',
  // Network
  'getHostByName',
  // Generated keys, certificates, salts and IVs
  'genPrivateKey',
  'genCA',
  'genCAWithKey',
  'genSelfSignedCert',
  'genSelfSignedCertWithKey',
  'genSignedCert',
  'genSignedCertWithKey',
  'encryptAES',
  'bcrypt',
  'htpasswd',
]);

/** Helm removes these from Sprig's map: templates must not read the environment. */
const HELM_REMOVED = ['env', 'expandenv'];

/** Sprig's function map as Helm installs it (a fresh object each call; callers may extend it). */
export function sprigFuncMap(): FuncMap {
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
    ...semverFuncs,
    // Flow control
    ...flowFuncs,
    // Regex
    ...regexFuncs,
    // URLs
    ...urlFuncs,
  };
  for (const name of HELM_REMOVED) delete map[name];
  return map;
}
