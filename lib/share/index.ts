/**
 * Leaving and re-entering the configurator as data: the configuration format
 * (`chartroom.json`), share links, secret detection and checks against the chart that is open.
 */
export * from './config';
export * from './secrets';
export * from './link';
export * from './compat';
