'use client';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { planRestore, schemaForOverrides, takePendingConfig, type ChartInfo, type ChartSource, type Configuration, type ReadConfig, type RestoreMessage, type RestoreOrigin } from '@/lib/configurator';
import { decodeShareLink, LINK_PREFIX, type ChartroomEnvironment } from '@/lib/share';
import { usePreviewSelector, usePreviewStore } from '@/lib/configurator/client/use-preview';
import { useConfiguration } from '@/lib/configurator/client/use-configuration';
import { EditorPane } from '../editor/EditorPane';
import { PreviewPane } from '../preview/PreviewPane';
import { ExportMenu } from './ExportMenu';
import { FormPane } from './FormPane';
import { OpenConfigButton } from './OpenConfigButton';
import { readConfigFile } from './read-config-file';
import { ShareLinkBanner } from './ShareLinkBanner';
import { useConfigDrop } from './use-config-drop';

/** Bounds for one render: the engine stops itself at the deadline; the worker watchdog backs it up. */
const BUDGET = { deadlineMs: 3000, maxOutputBytes: 20_000_000 };

export interface ConfiguratorProps {
  /** Autosave key: `bundled:<name>` or `local:<label>`. */
  chartKey: string;
  /** The chart summary when known up front (bundled charts); otherwise it comes from the worker. */
  info?: ChartInfo;
  source: ChartSource;
}

/** The three panes — form, values.yaml, preview — for one chart. */
export function Configurator({ chartKey, info: givenInfo, source }: ConfiguratorProps) {
  const stableSource = useMemo(() => source, [source]);
  const store = usePreviewStore(stableSource);
  const loadedInfo = usePreviewSelector(store, (s) => s.info);
  const loadError = usePreviewSelector(store, (s) => s.loadError);
  const info = givenInfo ?? loadedInfo;

  const onChange = useCallback(
    (c: Configuration) => {
      if (typeof performance !== 'undefined') store?.latency.edited(c.revision, performance.now());
      store?.render(c.revision, { valuesText: c.valuesText, release: c.release, budget: BUDGET });
    },
    [store],
  );
  const config = useConfiguration(info ? `${chartKey}@${info.name}` : chartKey, info?.defaultsText ?? '', onChange);
  const latestConfiguration = useRef(config.configuration);
  latestConfiguration.current = config.configuration;
  const currentValuesText = useCallback(() => latestConfiguration.current.valuesText, []);

  // The first render starts once both the worker and the restored configuration are there.
  useEffect(() => {
    if (store && config.restored) onChange(latestConfiguration.current);
  }, [store, config.restored, onChange]);

  // A share link or an opened file replaces the work only when it applies; otherwise the
  // banner says why and nothing changes.
  const [restoreMessage, setRestoreMessage] = useState<RestoreMessage | null>(null);
  const [environments, setEnvironments] = useState<ChartroomEnvironment[]>([]);
  const { replaceText, setRelease } = config;
  const restore = useCallback(
    (read: ReadConfig, origin: RestoreOrigin) => {
      if (!info) return;
      const plan = planRestore(read, info, origin);
      if (plan.apply) {
        replaceText(plan.apply.valuesText);
        setRelease(plan.apply.release);
        setEnvironments(plan.apply.environments);
      }
      setRestoreMessage(plan.message);
    },
    [info, replaceText, setRelease],
  );
  const openFile = useCallback(async (file: File) => restore(await readConfigFile(file), { kind: 'file', fileName: file.name }), [restore]);
  const drop = useConfigDrop(openFile);

  // A file opened on the catalog page, or a share link in the fragment, is opened once, over
  // the restored autosave.
  useEffect(() => {
    if (!info || !config.restored) return;
    const pending = takePendingConfig(sessionStorage, info.name);
    if (pending) {
      restore({ ok: true, config: pending.config }, { kind: 'file', fileName: pending.fileName });
      return;
    }
    const fragment = location.hash.replace(/^#/, '');
    if (!fragment.startsWith(LINK_PREFIX.slice(0, 2))) return;
    history.replaceState(null, '', location.pathname + location.search);
    restore(decodeShareLink(fragment), { kind: 'link' });
  }, [info, config.restored, restore]);

  const editorSchema = useMemo(() => (info?.schema ? schemaForOverrides(info.schema) : null), [info?.schema]);

  if (loadError && !info) {
    return (
      <main className="page-message">
        <div role="alert">
          <h1>This chart could not be loaded</h1>
          <pre>{loadError}</pre>
        </div>
        <p className="row">
          <button type="button" onClick={() => store?.retryLoad()}>
            Try again
          </button>
          <Link href="/">Pick another chart</Link>
        </p>
      </main>
    );
  }
  if (!info) return <p className="page-message">Loading the chart…</p>;

  return (
    <main className={`configurator${drop.over ? ' dropping' : ''}`} {...drop.handlers}>
      <h1 className="visually-hidden">Configure {info.name}</h1>
      <div className="configurator-bar">
        <OpenConfigButton onFile={(f) => void openFile(f)} />
        <ExportMenu
          key={environments.map((e) => e.name).join(',')}
          info={info}
          source={stableSource}
          configuration={config.configuration}
          environments={environments}
        />
      </div>
      {restoreMessage && <ShareLinkBanner message={restoreMessage} onDismiss={() => setRestoreMessage(null)} />}
      <Group orientation="horizontal" className="panes" id="chartroom-panes">
        <Panel defaultSize="30%" minSize="15%" id="form">
          <FormPane info={info} config={config} store={store} />
        </Panel>
        <Separator className="separator" aria-label="Resize the form and editor panes" />
        <Panel defaultSize="32%" minSize="15%" id="editor">
          <EditorPane info={info} config={config} schema={editorSchema} />
        </Panel>
        <Separator className="separator" aria-label="Resize the editor and preview panes" />
        <Panel defaultSize="38%" minSize="15%" id="preview">
          <PreviewPane info={info} store={store} release={config.configuration.release} setRelease={config.setRelease} source={stableSource} valuesText={currentValuesText} />
        </Panel>
      </Group>
    </main>
  );
}
