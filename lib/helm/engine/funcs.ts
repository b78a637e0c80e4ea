import { defineFunc, type FuncMap, GoError, type GoValue } from '../../go';
import { sprigFuncMap } from '../../sprig';
import { goRelease, semverRelease, type HelmVersion } from '../version';
import { helmEncodingFuncs } from './funcs-encoding';

/** Helm wraps `required`/`fail` messages so the error cleanup can find them (engine.warnWrap). */
export const WARN_START = 'HELM_ERR_START';
export const WARN_END = 'HELM_ERR_END';
export const warnWrap = (msg: string): string => WARN_START + msg + WARN_END;

/**
 * Helm's funcMap(): Sprig minus `env`/`expandenv`, Helm's encoding functions, and the functions
 * whose behaviour in `helm template` is fixed: `lookup` has no cluster and returns an empty map,
 * `getHostByName` returns "" because DNS lookups are off unless `--enable-dns`.
 * `include`, `tpl`, `required` and `fail` are bound per template set by the engine.
 */
export function helmFuncMap(helmVersion?: HelmVersion): FuncMap {
  // Helm 4.1 links Masterminds/semver v3.4.0 and Go 1.25, Helm 3.17 v3.3.0 and Go 1.23.
  const f: FuncMap = { ...sprigFuncMap({ semver: semverRelease(helmVersion), go: goRelease(helmVersion) }), ...helmEncodingFuncs(helmVersion) };
  delete f.env;
  delete f.expandenv;
  f.lookup = defineFunc('lookup', ['string', 'string', 'string', 'string'], () => new Map(), { returnsError: true });
  f.getHostByName = defineFunc('getHostByName', ['string'], () => '');
  f.required = defineFunc(
    'required',
    ['string', 'interface {}'],
    (warn: string, val: GoValue) => {
      if (val === null || val === undefined || val === '') throw new GoError(warnWrap(warn));
      return val;
    },
    { returnsError: true },
  );
  f.fail = defineFunc(
    'fail',
    ['string'],
    (msg: string) => {
      throw new GoError(warnWrap(msg));
    },
    { returnsError: true },
  );
  return f;
}
