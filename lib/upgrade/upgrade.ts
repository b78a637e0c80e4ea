/**
 * An upgrade preview: what changes for one configuration when its chart moves to another version
 * (or, with the same chart, when its values are edited).
 */
import { HelmError, type Chart, defaultCapabilities } from '../helm';
import type { GoMap } from '../go';
import { maskGenerated } from './generated';
import { diffResources } from './manifest-diff';
import { renderSide, renderText, type RenderedDoc, type RenderedSide, type UpgradeRelease } from './render';
import { riskNotes } from './risks';
import type { CrdChange, RiskNote, UpgradeReport } from './types';
import { valuesReport } from './values-report';

export interface UpgradeSide {
  chart: Chart;
  /** The user's merged values (`-f`, `--set`...), not coalesced with the chart's defaults. */
  values: GoMap;
}

export interface UpgradeInput {
  from: UpgradeSide;
  to: UpgradeSide;
  release: UpgradeRelease;
}

/** A side that does not render at all: there is nothing to compare. */
export class UpgradeRenderError extends Error {
  constructor(
    readonly side: 'from' | 'to',
    readonly chartLabel: string,
    readonly helmMessage: string,
  ) {
    super(`${chartLabel} does not render with these values: ${helmMessage}`);
    this.name = 'UpgradeRenderError';
  }
}

const label = (c: Chart) => `${c.metadata.name} ${c.metadata.version}`;

/**
 * Both renders of one side with different random seeds, the first with its generated values
 * masked. Values the schema refuses are rendered anyway (helm would stop there; the refusal is a risk note).
 */
function renderMasked(which: 'from' | 'to', side: UpgradeSide, release: UpgradeRelease, risks: RiskNote[]): RenderedSide {
  const render = (seed: number, skipSchema: boolean) => renderSide(side.chart, side.values, release, seed, skipSchema);
  let first: RenderedSide;
  let skipSchema = false;
  try {
    first = render(1, false);
  } catch (e) {
    const message = (e as Error).message;
    if (!(e instanceof HelmError) || e.code !== 'values-schema') throw new UpgradeRenderError(which, label(side.chart), message);
    risks.push({ kind: 'schema-rejected', message: `helm refuses these values for ${label(side.chart)}: ${message}` });
    skipSchema = true;
    try {
      first = render(1, true);
    } catch (e2) {
      throw new UpgradeRenderError(which, label(side.chart), (e2 as Error).message);
    }
  }
  const second = new Map(render(2, skipSchema).docs.map((d) => [d.id, d]));
  const docs: RenderedDoc[] = first.docs.map((d) => {
    const other = second.get(d.id);
    return other ? { ...d, text: maskGenerated(d.text, other.text) } : d;
  });
  return { docs, crds: first.crds };
}

function crdChanges(from: Map<string, string>, to: Map<string, string>): CrdChange[] {
  const out: CrdChange[] = [];
  for (const [file, text] of to) {
    const old = from.get(file);
    if (old === undefined) out.push({ file, change: 'added' });
    else if (old !== text) out.push({ file, change: 'changed' });
  }
  for (const file of from.keys()) if (!to.has(file)) out.push({ file, change: 'removed' });
  return out;
}

/** The whole report. @throws UpgradeRenderError when either side does not render */
export function upgradeReport(input: UpgradeInput): UpgradeReport {
  const { from, to, release } = input;
  const risks: RiskNote[] = [];
  const old = renderMasked('from', from, release, risks);
  const next = renderMasked('to', to, release, risks);
  const values = valuesReport(
    to.values,
    { chart: from.chart, render: (v) => renderText(from.chart, v, release) },
    { chart: to.chart, render: (v) => renderText(to.chart, v, release) },
    release.helmVersion,
  );
  const resources = diffResources(old.docs, next.docs, release.releaseName ?? 'release-name');
  const crds = crdChanges(old.crds, next.crds);
  const kubeVersion = release.kubeVersion ?? defaultCapabilities(release.helmVersion).kubeVersion.version;
  risks.push(...riskNotes(resources, crds, kubeVersion));
  const changed =
    resources.some((r) => r.change !== 'unchanged') || crds.length > 0 || values.overrides.some((o) => o.status !== 'kept') || values.changedDefaults.length > 0;
  return {
    from: { name: from.chart.metadata.name, version: from.chart.metadata.version },
    to: { name: to.chart.metadata.name, version: to.chart.metadata.version },
    values,
    resources,
    crds,
    risks,
    changed,
  };
}
