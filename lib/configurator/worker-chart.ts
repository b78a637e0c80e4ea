/**
 * The render worker's chart: read once from its source, loaded once per Helm version asked for
 * (Helm 4 loads some charts differently: values.yaml documents, Chart.yaml errors). A preload
 * starts reading a location before the page asks for it; the page's load of that same location
 * then takes what is loaded or on its way instead of reading it again.
 */
import { DEFAULT_HELM_VERSION, type Chart, type HelmVersion } from '../helm';
import type { ChartSource } from './render-protocol';

export type ReadSource = Exclude<ChartSource, { kind: 'url' }>;
type UrlSource = Extract<ChartSource, { kind: 'url' }>;

export class WorkerChart {
  // Renders that arrive while the chart is still loading wait for it.
  private source: Promise<ReadSource> | null = null;
  // The location `source` is read from, while a load of it may take it as it is.
  private preloaded: string | null = null;
  private charts = new Map<HelmVersion, Promise<Chart>>();

  constructor(
    private readonly read: (source: ChartSource) => Promise<ReadSource>,
    private readonly loadAs: (source: ReadSource, helmVersion: HelmVersion) => Chart,
  ) {}

  /** Starts reading and loading the chart at a location (what went before is dropped). */
  preload(from: UrlSource): void {
    this.begin(from);
    this.preloaded = from.url;
    this.chartFor(DEFAULT_HELM_VERSION)!.catch(() => undefined);
  }

  /** The chart of `from`, as the default Helm version loads it: the preloaded one when it is the same location. */
  load(from: ChartSource): Promise<Chart> {
    const same = from.kind === 'url' && !from.subcharts?.length && from.url === this.preloaded;
    if (!same) this.begin(from);
    this.preloaded = null;
    return this.chartFor(DEFAULT_HELM_VERSION)!;
  }

  /** After a failed load: nothing is loaded, and a load of the same source reads it again. */
  forget(): void {
    this.source = null;
    this.preloaded = null;
    this.charts.clear();
  }

  /** The chart as `helmVersion` loads it, or null before any load. */
  chartFor(helmVersion: HelmVersion): Promise<Chart> | null {
    const source = this.source;
    if (!source) return null;
    let loaded = this.charts.get(helmVersion);
    if (!loaded) {
      loaded = source.then((s) => this.loadAs(s, helmVersion));
      this.charts.set(helmVersion, loaded);
    }
    return loaded;
  }

  private begin(from: ChartSource): void {
    this.charts.clear();
    this.source = this.read(from);
  }
}
