/// <reference lib="webworker" />
/** The findings worker: checks rendered manifests off the page's thread (see findings-job.ts). */
import { computeFindings, type FindingsRequest } from './findings-job';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (ev: MessageEvent<FindingsRequest>) => {
  self.postMessage(await computeFindings(ev.data));
};
