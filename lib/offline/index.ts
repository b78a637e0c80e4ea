/**
 * The service worker and its precache list.
 * Other layers import it from here.
 */
export { precacheManifest, type Precache, serviceWorkerScript, UNREGISTER_SCRIPT } from './precache';
