/**
 * Charts from repositories in the page, over the repository library of lib/helm.
 * Other layers import it from here.
 */
export { locateChart } from './locate';
export { type ChartOrigin, type RemoteChartRef, listOffer, openRemoteChart, type Offer, type ResolvedDependencies } from './open-remote';
