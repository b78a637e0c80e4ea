/**
 * One upgrade preview as the page asks for it: charts as sources, values as the texts the user
 * edits. Pure (no worker APIs), so it runs in tests too; `upgrade.worker.ts` runs it off the page.
 */
import { mergeUserValues, type Chart } from '../helm';
import { loadChartSource, type ChartSource, type ReleaseOptions } from '../configurator';
import { upgradeReport } from './upgrade';
import type { UpgradeReport } from './types';

type LoadedSource = Exclude<ChartSource, { kind: 'url' }>;

export interface UpgradeRequest {
  id: number;
  from: { source: LoadedSource; valuesText: string };
  to: { source: LoadedSource; valuesText: string };
  release: ReleaseOptions;
}

export type UpgradeResponse = { id: number; ok: true; report: UpgradeReport } | { id: number; ok: false; message: string };

function load(source: LoadedSource, which: string, release: ReleaseOptions): Chart {
  try {
    return loadChartSource(source, release.helmVersion);
  } catch (e) {
    throw new Error(`the ${which} chart could not be loaded: ${(e as Error).message}`);
  }
}

function values(text: string, release: ReleaseOptions) {
  try {
    return mergeUserValues({ helmVersion: release.helmVersion, valueFiles: [{ name: 'values.yaml', data: text }] });
  } catch (e) {
    throw new Error(`values.yaml: ${(e as Error).message}`);
  }
}

/** Runs a request; never throws (a failure is a response saying what went wrong, and where). */
export function runUpgradeJob(req: UpgradeRequest): UpgradeResponse {
  try {
    const release = {
      helmVersion: req.release.helmVersion,
      releaseName: req.release.releaseName,
      namespace: req.release.namespace,
      kubeVersion: req.release.kubeVersion || undefined,
      apiVersions: req.release.apiVersions,
    };
    const report = upgradeReport({
      from: { chart: load(req.from.source, 'current', req.release), values: values(req.from.valuesText, req.release) },
      to: { chart: load(req.to.source, 'target', req.release), values: values(req.to.valuesText, req.release) },
      release,
    });
    return { id: req.id, ok: true, report };
  } catch (e) {
    return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
