/**
 * Masterminds/sprig v3.3: one module per function family, `functions.ts` is the registry.
 * Other layers import it from here.
 */
export { setClock } from './date';
export { useNativeDigests } from './crypto';
export { sprigFuncMap, MUTATING, NON_DETERMINISTIC, functionsWith } from './functions';
export { parseURL, type GoURL } from './url';
