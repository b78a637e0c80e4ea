'use client';
import dynamic from 'next/dynamic';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { findResource, schemaSecretFields, type ChartInfo, type ChartSource, type EngineProgress, type PreviewStore, type ReleaseOptions } from '@/lib/configurator';
import { usePreviewState } from '@/lib/configurator/client/use-preview';
import { TabPanel, Tabs } from '../ui/Tabs';
import { CodeBlock } from './CodeBlock';
import type { UpgradeReport } from '@/lib/upgrade';
import { FindingsPanel, findingsLabel } from './FindingsPanel';
import { ManifestViewer } from './ManifestViewer';
import { useFindings } from '@/lib/configurator/client/use-findings';
import type { Preset } from '@/lib/validate';
import { ReleaseBar } from './ReleaseBar';
import { RenderErrorPanel } from './RenderErrorPanel';
import { ResourceList } from './ResourceList';
import { useValueUses } from './use-value-uses';

// What no first preview shows loads when first asked for: the Upgrade tab (its worker client, the
// repository opener, the report view), the diff and dependencies tabs, and the answer to "where
// does this line come from / where is this value used" (the tracing views).
const UpgradeTab = dynamic(() => import('./UpgradeTab').then((m) => m.UpgradeTab), { ssr: false, loading: () => <p className="muted">Loading…</p> });
const DiffTab = dynamic(() => import('./DiffTab').then((m) => m.DiffTab), { ssr: false, loading: () => <p className="muted">Loading…</p> });
const DependenciesView = dynamic(() => import('./DependenciesView').then((m) => m.DependenciesView), { ssr: false, loading: () => <p className="muted">Loading…</p> });
// The panel's own box while its code loads, so the preview does not jump when it arrives.
const SourcePanel = dynamic(() => import('./SourcePanel').then((m) => m.SourcePanel), {
  ssr: false,
  loading: () => (
    <section className="source-panel" aria-busy="true">
      <p className="muted">Loading…</p>
    </section>
  ),
});

type TabId = 'resources' | 'findings' | 'stream' | 'diff' | 'upgrade' | 'notes' | 'dependencies';

interface PreviewPaneProps {
  info: ChartInfo;
  store: PreviewStore | null;
  release: ReleaseOptions;
  setRelease: (patch: Partial<ReleaseOptions>) => void;
  source: ChartSource;
  /** The values text being edited now (read when findings are computed, so typing doesn't re-render the preview). */
  valuesText: () => string;
  /** Receives the upgrade report shown in the Upgrade tab (null when there is none). */
  onUpgradeReport: (report: UpgradeReport | null) => void;
  /** `name version` of the chart an opened configuration was made with, when it is another version. */
  madeWith: string | null;
}

/** Before the first render: what is still on its way (a slow network is not a slow template). */
function loadingStatus(engine: EngineProgress): string {
  if (engine.phase === 'engine') return 'Loading the engine…';
  if (engine.phase === 'chart') return engine.percent === null ? 'Loading the chart…' : `Loading the chart… ${engine.percent}%`;
  return 'Rendering…';
}

/** Marks when a render is on screen, and measures keystroke-to-preview latency for the edits it covers. */
function useRenderMarks(store: PreviewStore | null, revision: number): void {
  useEffect(() => {
    if (!store || revision < 0 || typeof performance === 'undefined') return;
    const now = performance.now();
    performance.mark('chartroom:preview-shown', { detail: { revision } });
    for (const ms of store.latency.shown(revision, now)) {
      performance.measure('chartroom:keystroke-to-preview', { start: now - ms, duration: ms });
    }
  }, [store, revision]);
}

/** The manifests for the current values: resources by kind, the whole stream, diffs, notes, dependencies. */
export const PreviewPane = memo(function PreviewPane({ info, store, release, setRelease, source, valuesText, onUpgradeReport, madeWith }: PreviewPaneProps) {
  const preview = usePreviewState(store);
  const [tab, setTab] = useState<TabId>('resources');
  // Once opened, the Upgrade tab stays mounted so its comparison survives a switch to another tab.
  const [upgradeOpened, setUpgradeOpened] = useState(false);
  if (tab === 'upgrade' && !upgradeOpened) setUpgradeOpened(true);
  const [selected, setSelected] = useState<string | null>(null);
  // The line a finding points at, in the selected resource.
  const [selectedLine, setSelectedLine] = useState<number | undefined>(undefined);
  const { latest, lastGood, previousGood } = preview;
  useRenderMarks(store, preview.latestRevision);

  const failure = latest && !latest.ok ? latest : null;
  const shown = lastGood;
  const stale = !!failure && !!shown;
  // Nothing on screen yet counts as pending too: the first render is on its way.
  const pending = !latest || preview.requestedRevision > preview.latestRevision;
  const [preset, setPreset] = useState<Preset>('development');
  useFindings(store, shown, release.kubeVersion, preset);
  const { findings } = preview;
  const resource = shown ? (findResource(shown.resources, selected) ?? shown.resources[0] ?? null) : null;
  const secretFields = useMemo(() => schemaSecretFields(info.schema), [info.schema]);
  const resourceId = resource?.id ?? null;
  const uses = useValueUses(preview, resourceId);
  const markedInResource = uses?.inResource;
  const markedInStream = uses?.inStream;
  const useCounts = uses?.counts;
  // The line asked about, marked in the view it was asked in while that view shows the render it was asked of.
  const { inspection } = preview;
  const chosenLine = (view: string | null): number | undefined =>
    inspection?.kind === 'line' && inspection.resourceId === view && inspection.revision === preview.lastGoodRevision ? inspection.line : undefined;
  // Asked from the keyboard, the answer takes the focus (Escape gives it back).
  const focusAnswer = useRef(false);
  const chooseLine = (view: string | null) => (line: number, byKeyboard: boolean) => {
    focusAnswer.current = byKeyboard;
    store?.inspect({ kind: 'line', resourceId: view, line });
  };
  const showLines = (id: string | null): void => {
    if (id === null) setTab('stream');
    else {
      setSelected(id);
      setSelectedLine(undefined);
      setTab('resources');
    }
  };

  const status = !latest
    ? loadingStatus(preview.engine)
    : failure
      ? stale
        ? 'Stale: showing the last successful render'
        : 'Not rendered'
      : `Rendered in ${Math.round(latest.elapsedMs)} ms`;

  return (
    <section className="pane preview-pane" aria-label="Rendered manifests" tabIndex={-1}>
      <header className="pane-header">
        <h2>Preview</h2>
        <p className={`render-status${stale ? ' stale' : ''}`} role="status" aria-live="polite" data-revision={preview.latestRevision} data-pending={pending ? 'true' : 'false'}>
          {status}
        </p>
      </header>
      <ReleaseBar release={release} onChange={setRelease} />
      {failure && <RenderErrorPanel failure={failure} store={store} />}
      {shown && (
        <div className={`preview-body${stale ? ' is-stale' : ''}`} data-stale={stale ? 'true' : 'false'}>
          <Tabs
            idPrefix="preview"
            label="Preview views"
            selected={tab}
            onSelect={(id) => setTab(id as TabId)}
            tabs={[
              { id: 'resources', label: `Resources (${shown.resources.length})` },
              { id: 'findings', label: findingsLabel(findings.findings) },
              { id: 'stream', label: 'All manifests' },
              { id: 'diff', label: 'Diff' },
              { id: 'upgrade', label: 'Upgrade' },
              { id: 'notes', label: 'NOTES.txt' },
              { id: 'dependencies', label: `Dependencies (${shown.remoteDependencies.length + shown.vendoredDependencies.length})` },
            ]}
          />
          {tab === 'resources' && (
            <TabPanel idPrefix="preview" id="resources">
              <div className="resources-split">
                <ResourceList
                  resources={shown.resources}
                  uses={useCounts}
                  selected={resource?.id ?? null}
                  onSelect={(id) => {
                    setSelected(id);
                    setSelectedLine(undefined);
                  }}
                />
                {resource ? (
                  <div className="resource-yaml">
                    <p className="muted small">
                      {resource.kind} <strong>{resource.name}</strong> from <code>{resource.source}</code>
                      {resource.hookEvents.length > 0 ? ` — hook: ${resource.hookEvents.join(', ')}` : ''}
                    </p>
                    <ManifestViewer
                      text={resource.content}
                      label={`${resource.kind} ${resource.name}`}
                      mode="resource"
                      resources={[resource]}
                      documentKey={`${resource.kind}/${resource.name}`}
                      highlight={selectedLine ?? chosenLine(resource.id)}
                      marked={markedInResource}
                      onLineChosen={chooseLine(resource.id)}
                    />
                  </div>
                ) : (
                  <p className="muted">The chart renders no resources with these values.</p>
                )}
              </div>
            </TabPanel>
          )}
          {tab === 'findings' && (
            <TabPanel idPrefix="preview" id="findings">
              <FindingsPanel
                findings={findings.findings}
                error={findings.error}
                resources={shown.resources}
                preset={preset}
                onPreset={setPreset}
                kubeVersion={release.kubeVersion}
                onSelectResource={(id, line) => {
                  setSelected(id);
                  setSelectedLine(line);
                  setTab('resources');
                }}
              />
            </TabPanel>
          )}
          {tab === 'stream' && (
            <TabPanel idPrefix="preview" id="stream">
              <ManifestViewer text={shown.output} label="helm template output" mode="stream" resources={shown.resources} documentKey="stream" highlight={chosenLine(null)} marked={markedInStream} onLineChosen={chooseLine(null)} />
            </TabPanel>
          )}
          {tab === 'diff' && (
            <TabPanel idPrefix="preview" id="diff">
              <DiffTab current={shown} previous={previousGood} source={source} release={release} valuesText={valuesText} />
            </TabPanel>
          )}
          {upgradeOpened && (
            <TabPanel idPrefix="preview" id="upgrade" hidden={tab !== 'upgrade'}>
              <UpgradeTab info={info} source={source} release={release} valuesText={valuesText} onReport={onUpgradeReport} madeWith={madeWith} />
            </TabPanel>
          )}
          {tab === 'notes' && (
            <TabPanel idPrefix="preview" id="notes">
              {shown.notes.trim() ? <CodeBlock text={shown.notes} label="NOTES.txt, rendered" /> : <p className="muted">{info.name} has no NOTES.txt.</p>}
            </TabPanel>
          )}
          {tab === 'dependencies' && (
            <TabPanel idPrefix="preview" id="dependencies">
              <DependenciesView chart={info} remote={shown.remoteDependencies} vendored={shown.vendoredDependencies} />
            </TabPanel>
          )}
          {store && inspection && <SourcePanel store={store} secretFields={secretFields} valuesText={valuesText} onShowLines={showLines} takeFocus={focusAnswer} />}
        </div>
      )}
    </section>
  );
});
