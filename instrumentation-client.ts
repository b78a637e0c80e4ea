/**
 * Runs once the page's first scripts have arrived, before React hydrates. A bundled chart's page
 * renders at once, so its render worker starts here, and reads the chart as soon as the engine
 * runs: both load while the page hydrates, in parallel with it, instead of after.
 */
import { bundledChartSource, startRenderWorker } from '@/lib/configurator/client/create-render-worker';

/** /configure/<chart> is a bundled chart's page; these are the configurator's other pages. */
const NOT_BUNDLED = new Set(['local', 'remote']);

// The path segment as it is: bundled charts' names need no escaping, and decoding a malformed one
// would throw here, before the page (a 404 then) has hydrated.
const chart = /^\/configure\/([^/]+)\/?$/.exec(location.pathname)?.[1];
if (chart && !NOT_BUNDLED.has(chart)) startRenderWorker(bundledChartSource(chart));
