/// <reference lib="webworker" />
/** Runs upgrade previews off the page's thread: both charts are rendered several times. */
import { runUpgradeJob, type UpgradeRequest } from './job';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (ev: MessageEvent<UpgradeRequest>) => {
  self.postMessage(runUpgradeJob(ev.data));
};
