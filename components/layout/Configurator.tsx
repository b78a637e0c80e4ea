'use client';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  readConfigFile,
  restoreOver,
  schemaForOverrides,
  schemaSecretFields,
  takePendingConfig,
  type ChartInfo,
  type ChartroomEnvironment,
  type ChartSource,
  type Configuration,
  type ReadConfig,
  type RestoreMessage,
  type RestoreOrigin,
  type SavedWork,
} from '@/lib/configurator';
import { usePreviewSelector, usePreviewStore } from '@/lib/configurator/client/use-preview';
import { useConfiguration } from '@/lib/configurator/client/use-configuration';
import type { ChartOrigin } from '@/lib/remote-chart';
import { EditorPane } from '../editor/EditorPane';
import { ErrorPlace } from '../preview/ErrorPlace';
import { PreviewPane } from '../preview/PreviewPane';
import { ExportMenu } from './ExportMenu';
import { FormPane } from './FormPane';
import { OpenConfigButton } from './OpenConfigButton';
import { ShareLinkBanner } from './ShareLinkBanner';
import { useConfigDrop } from './use-config-drop';
import { PaneLayout } from './PaneLayout';
import { shareLinkInFragment } from './share-fragment';
import type { UpgradeReport } from '@/lib/upgrade';

/** Bounds for one render: the engine stops itself at the deadline; the worker watchdog backs it up. */
const BUDGET = { deadlineMs: 3000, maxOutputBytes: 20_000_000 };

export interface ConfiguratorProps {
  /** Autosave key: `bundled:<name>` or `local:<label>`. */
  chartKey: string;
  /** The chart summary when known up front (bundled charts); otherwise it comes from the worker. */
  info?: ChartInfo;
  source: ChartSource;
  /** Where a chart opened from a repository came from (share links and exports record it). */
  origin?: ChartOrigin;
}

/** The three panes — form, values.yaml, preview — for one chart. */
export function Configurator({ chartKey, info: givenInfo, source, origin }: ConfiguratorProps) {
  const stableSource = useMemo(() => source, [source]);
  const store = usePreviewStore(stableSource);
  const loadedInfo = usePreviewSelector(store, (s) => s.info);
  const loadError = usePreviewSelector(store, (s) => s.loadError);
  const info = givenInfo ?? loadedInfo;

  // One parse decides: text the editor marks as broken is not rendered, so the form, the
  // editor and the preview never disagree about what the values are.
  const onChange = useCallback(
    (c: Configuration) => {
      if (!c.parsed.ok) {
        store?.valuesBroken(c.revision, c.parsed.problems);
        return;
      }
      if (typeof performance !== 'undefined') store?.latency.edited(c.revision, performance.now());
      store?.render(c.revision, { valuesText: c.valuesText, release: c.release, budget: BUDGET });
    },
    [store],
  );
  const secretFields = useMemo(() => schemaSecretFields(info?.schema), [info?.schema]);
  const config = useConfiguration(info ? `${chartKey}@${info.name}` : chartKey, info?.defaultsText ?? '', onChange, secretFields);
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
  // The chart version an opened configuration or link was made with, when it is not this one.
  const [madeWith, setMadeWith] = useState<string | null>(null);
  const [environments, setEnvironments] = useState<ChartroomEnvironment[]>([]);
  // What was there before a link or file replaced it: one click brings it back.
  const [previous, setPrevious] = useState<SavedWork | null>(null);
  const latestEnvironments = useRef(environments);
  latestEnvironments.current = environments;
  const { replaceText, setRelease } = config;
  const restore = useCallback(
    (read: ReadConfig, origin: RestoreOrigin) => {
      if (!info) return;
      const current = latestConfiguration.current;
      const step = restoreOver({ valuesText: current.valuesText, release: current.release, environments: latestEnvironments.current }, read, info, origin);
      if (step.madeWith !== undefined) setMadeWith(step.madeWith);
      setPrevious(step.previous);
      if (step.apply) {
        replaceText(step.apply.valuesText);
        setRelease(step.apply.release);
        setEnvironments(step.apply.environments);
      }
      setRestoreMessage(step.message);
    },
    [info, replaceText, setRelease],
  );
  const restorePrevious = useCallback(() => {
    if (!previous) return;
    replaceText(previous.valuesText);
    setRelease(previous.release);
    setEnvironments(previous.environments);
    setPrevious(null);
    setRestoreMessage(null);
  }, [previous, replaceText, setRelease]);
  const openFile = useCallback(async (file: File) => restore(await readConfigFile(file), { kind: 'file', fileName: file.name }), [restore]);
  const drop = useConfigDrop(openFile);

  // A file opened on the catalog page, or a share link in the fragment, is opened once, over
  // the restored autosave; so is a link pasted into the address bar of this page later.
  // Both are taken out of their place before the checker loads, so what they held is applied by
  // the latest `restore` even if this effect has run again meanwhile.
  const latestRestore = useRef(restore);
  latestRestore.current = restore;
  useEffect(() => {
    if (!info || !config.restored) return;
    const openLink = async (): Promise<void> => {
      const link = await shareLinkInFragment();
      if (link) latestRestore.current(link, { kind: 'link' });
    };
    void (async () => {
      const pending = await takePendingConfig(sessionStorage, info.name);
      if (pending) latestRestore.current({ ok: true, config: pending.config }, { kind: 'file', fileName: pending.fileName });
      else await openLink();
    })();
    const onHashChange = (): void => void openLink();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [info, config.restored]);

  // The latest upgrade preview goes into the values bundle with the configuration.
  const [upgradeReport, setUpgradeReport] = useState<UpgradeReport | null>(null);

  const editorSchema = useMemo(() => (info?.formSchema ? schemaForOverrides(info.formSchema) : null), [info?.formSchema]);

  if (loadError && !info) {
    return (
      <main className="page-message">
        <div role="alert">
          <h1>This chart could not be loaded</h1>
          <pre className="helm-message">{loadError.message}</pre>
          <ErrorPlace where={loadError.where} />
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
    <main className={`configurator${drop.over ? ' dropping' : ''}`} id="main" tabIndex={-1} {...drop.handlers}>
      <h1 className="visually-hidden">Configure {info.name}</h1>
      <div className="configurator-bar">
        <OpenConfigButton onFile={(f) => void openFile(f)} />
        <ExportMenu
          key={environments.map((e) => e.name).join(',')}
          info={info}
          source={stableSource}
          origin={origin}
          configuration={config.configuration}
          environments={environments}
          upgradeReport={upgradeReport}
        />
      </div>
      {restoreMessage && (
        <ShareLinkBanner
          message={restoreMessage}
          onRestorePrevious={previous ? restorePrevious : undefined}
          onDismiss={() => {
            setRestoreMessage(null);
            setPrevious(null);
          }}
        />
      )}
      <PaneLayout
        form={<FormPane info={info} config={config} store={store} />}
        editor={<EditorPane info={info} config={config} schema={editorSchema} store={store} />}
        preview={<PreviewPane info={info} store={store} release={config.configuration.release} setRelease={config.setRelease} source={stableSource} valuesText={currentValuesText} onUpgradeReport={setUpgradeReport} madeWith={madeWith} />}
      />
    </main>
  );
}
