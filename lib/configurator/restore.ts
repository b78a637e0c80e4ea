/**
 * Opening a configuration someone saved — a share link or a `chartroom.json` (alone or in an
 * exported zip) — over the chart that is open: both go through `planRestore`, so they accept
 * and refuse the same things and say so in the same words.
 */
import { checkAgainstChart, type ChartroomConfig, type ChartroomEnvironment } from '../share';
import type { ChartInfo } from './chart-info';
import type { ReleaseOptions } from './release-options';
import { chartContextOfInfo, releaseFromShare } from './share-state';

/** A configuration read from a link or a file, or why it could not be read. */
export type ReadConfig = { ok: true; config: ChartroomConfig } | { ok: false; message: string };

/** Where a configuration came from, for the banner. */
export type RestoreOrigin = { kind: 'link' } | { kind: 'file'; fileName: string };

/** What opening a configuration did: notices after a restore, or why nothing was changed. */
export interface RestoreMessage {
  kind: 'restored' | 'broken';
  /** The banner's accessible name: `Share link` or `Opened configuration`. */
  label: string;
  text: string;
  notices: string[];
}

/** The new state when the configuration applies; the message in every case. */
export interface RestorePlan {
  apply?: { valuesText: string; release: ReleaseOptions; environments: ChartroomEnvironment[] };
  message: RestoreMessage;
}

const UNCHANGED = 'Your configuration was not changed.';

/** Reads, checks and maps a configuration onto the chart that is open; never throws. */
export function planRestore(read: ReadConfig, info: ChartInfo, origin: RestoreOrigin): RestorePlan {
  const label = origin.kind === 'link' ? 'Share link' : 'Opened configuration';
  const broken = (text: string, notices: string[] = []): RestorePlan => ({ message: { kind: 'broken', label, text: `${text} ${UNCHANGED}`, notices } });
  if (!read.ok) {
    // File messages already name the file (or the entry of the zip) and what is wrong with it.
    return broken(origin.kind === 'link' ? `This share link could not be opened: ${read.message}` : read.message);
  }
  const report = checkAgainstChart(read.config, chartContextOfInfo(info));
  if (!report.sameChart) {
    return broken(origin.kind === 'link' ? 'This share link is for another chart.' : `${origin.fileName} is for another chart.`, report.notices);
  }
  return {
    apply: { valuesText: read.config.values, release: releaseFromShare(read.config), environments: read.config.environments ?? [] },
    message: {
      kind: 'restored',
      label,
      text: origin.kind === 'link' ? 'The configuration from the share link is open.' : `The configuration from ${origin.fileName} is open.`,
      notices: read.config.helmVersion ? report.notices : [...report.notices, NO_HELM_VERSION],
    },
  };
}

/** Configurations made before chartroom knew Helm 4 keep the Helm they were checked with. */
export const NO_HELM_VERSION = 'This configuration names no Helm version (it predates Helm 4 support), so it opens as Helm 3.17; choose Helm 4.1 in the release bar to render it as Helm 4.';

/** The work a restore replaces or brings back: values, release options, environments. */
export interface SavedWork {
  valuesText: string;
  release: ReleaseOptions;
  environments: ChartroomEnvironment[];
}

/** Opening a configuration over the work on screen. */
export interface RestoreStep {
  message: RestoreMessage;
  /** The new work, when the configuration applies. */
  apply?: SavedWork;
  /** The work it replaced, when there was some and it changes (one click brings it back); null otherwise. */
  previous: SavedWork | null;
  /**
   * When it applies: the chart version it was made with if not the open one (the Upgrade tab
   * offers to compare with it), else null. Undefined when nothing applies.
   */
  madeWith?: string | null;
}

/** What opening `read` over `current` does; never throws. */
export function restoreOver(current: SavedWork, read: ReadConfig, info: ChartInfo, origin: RestoreOrigin): RestoreStep {
  const plan = planRestore(read, info, origin);
  if (!plan.apply || !read.ok) return { message: plan.message, previous: null };
  const changes = current.valuesText !== plan.apply.valuesText || JSON.stringify(current.release) !== JSON.stringify(plan.apply.release);
  return {
    message: plan.message,
    apply: plan.apply,
    previous: changes && current.valuesText.trim() !== '' ? current : null,
    madeWith: read.config.chart.version !== info.version ? `${read.config.chart.name} ${read.config.chart.version}` : null,
  };
}
