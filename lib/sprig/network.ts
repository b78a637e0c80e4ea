/**
 * Sprig's `getHostByName`. Helm 3.17 replaces it unless `--enable-dns` is given: the default
 * `helm template` answers "" for every name without a lookup. A browser has no DNS either, so
 * we always behave like Helm's default (a rendering never depends on the network).
 */
import { defineFunc, type FuncMap } from '../go';

/** Sprig's network functions, keyed by template name. */
export const networkFuncs: FuncMap = {
  getHostByName: defineFunc('getHostByName', ['string'], () => ''),
};
