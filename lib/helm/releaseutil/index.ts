export { splitManifests } from './split';
export { sortManifests, ManifestParseError, type SortedManifests } from './sort';
export { INSTALL_ORDER, INSTALL_ORDER_4, installOrder, lessByKind, sortByKind } from './kind-order';
export { isTestHook, type Hook } from './hooks';
export { readHead, type Manifest, type SimpleHead } from './manifest';
