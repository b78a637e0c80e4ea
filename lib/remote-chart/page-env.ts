/**
 * The page's repository environment: requests through the chart material route, answers kept
 * in IndexedDB (a browser without it, e.g. some private windows, just fetches every time).
 */
import type { DependencyEnv, HelmVersion } from '../helm';
import { indexedDbStore } from './idb-store';
import { remoteEnv } from './open-remote';
import { cachingFetch } from './response-cache';
import { routeFetch } from './route-fetch';

/** `onOffline` hears of every URL answered from the browser's copy because the network failed; `helmVersion` chooses versions as that helm does. */
export function pageEnv(onOffline?: (url: string, reason: string) => void, helmVersion?: HelmVersion): DependencyEnv {
  return remoteEnv(cachingFetch(routeFetch(), indexedDbStore, onOffline), helmVersion);
}
