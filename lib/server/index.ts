/**
 * The app server's guards: public addresses only, pinned connections, security headers.
 * Other layers import it from here.
 */
export { fetchMaterial, MaterialFetchError, policyFromEnvironment } from './guarded-fetch';
export { MaterialCache } from './material-cache';
