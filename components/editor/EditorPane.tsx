'use client';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { formatPath } from '@/lib/form';
import { mergedValuesText, schemaSecretFields, secretRanges, valueLocation, valueMarkers, valuesErrorMarkers, valuesPathAt, type ChartInfo, type PreviewStore, type TextSpan, type ValuePath } from '@/lib/configurator';
import { usePreviewSelector } from '@/lib/configurator/client/use-preview';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
import { onRevealValue } from '../layout/navigate';
import { askWhereUsed, UsedByBar } from '../layout/UsedByBar';
import { ValuesEditor } from './ValuesEditor';

interface EditorPaneProps {
  info: ChartInfo;
  config: ConfigurationHandle;
  /** The chart schema without `required` (the document holds only overrides). */
  schema: unknown;
  /** The preview, whose failures to read these values are marked in the editor. */
  store: PreviewStore | null;
}

/** values.yaml: the user's overrides (editable), or the full merged values (read-only). */
export function EditorPane({ info, config, schema, store }: EditorPaneProps) {
  const [full, setFull] = useState(false);
  const { configuration } = config;
  const fullText = useMemo(() => (full ? mergedValuesText(info.defaultsText, configuration.overrides) : ''), [full, info.defaultsText, configuration.overrides]);
  const problems = configuration.parsed.ok ? [] : configuration.parsed.problems;
  const latest = usePreviewSelector(store, (s) => s.latest);
  const findings = usePreviewSelector(store, (s) => s.findings.findings);
  // The editor's own parser marks what it refuses (monaco-yaml); helm's reading adds what only
  // helm refuses, and the Findings tab's findings about values go on the keys the text sets (a
  // key fixed or deleted loses its mark as it is typed, before the checks run again).
  const markers = useMemo(
    () => [
      ...problems.filter((p) => p.code === 'ALIAS'),
      ...(configuration.parsed.ok ? valuesErrorMarkers(latest, configuration.valuesText) : []),
      ...(configuration.parsed.ok && findings ? valueMarkers(configuration.valuesText, findings) : []),
    ],
    [problems, configuration.parsed.ok, latest, configuration.valuesText, findings],
  );
  const [revealed, setRevealed] = useState(false);
  const secretFields = useMemo(() => schemaSecretFields(info.schema), [info.schema]);
  // Masks follow the text a moment later: typing never waits for them.
  const maskedText = useDeferredValue(configuration.valuesText);
  const secrets = useMemo(() => secretRanges(maskedText, secretFields), [maskedText, secretFields]);
  const fullSecrets = useMemo(() => (full ? secretRanges(fullText, secretFields) : []), [full, fullText, secretFields]);
  const [reveal, clearReveal] = useRevealValue(info, config, setFull);
  const cursor = useCursorPath(full ? fullText : configuration.valuesText);
  const askAt = (line: number, column: number): void => {
    const path = valuesPathAt(full ? fullText : configuration.valuesText, line, column);
    if (path && store) askWhereUsed(store, path);
  };

  return (
    <section className="pane editor-pane" aria-label="values.yaml">
      <header className="pane-header">
        <h2>values.yaml</h2>
        <label className="switch">
          <input
            type="checkbox"
            checked={full}
            onChange={(e) => {
              clearReveal();
              setFull(e.target.checked);
            }}
          />
          Show full merged values
        </label>
        <label className="switch">
          <input type="checkbox" checked={revealed} onChange={(e) => setRevealed(e.target.checked)} />
          Show secret values
        </label>
      </header>
      {secrets.length > 0 && (
        <p className="muted small" id="secrets-help">
          {secrets.length === 1 ? 'A secret value is' : `${secrets.length} secret values are`} {revealed ? 'shown' : 'masked'}. Secrets are kept only while this tab is open:
          the autosave in this browser holds values.yaml without them, and share links and exports leave them out.
        </p>
      )}
      <p className="muted small" id="editor-help">
        {full
          ? 'Read-only: the chart defaults with your changes applied.'
          : 'Only what differs from the chart defaults. Press Ctrl+M to let Tab move focus out of the editor.'}
      </p>
      {reveal.missing && (
        <p className="muted small" role="status">
          <code>{reveal.missing}</code> is set neither in values.yaml nor in the chart&rsquo;s defaults.
        </p>
      )}
      <UsedByBar store={store} path={cursor.path} />
      <div className="pane-body editor-body">
        {full ? (
          <ValuesEditor key="full" text={fullText} schema={info.formSchema} path={`file:///${info.name}/values.full.yaml`} readOnly label="Full merged values (read-only)" masked={revealed ? undefined : fullSecrets} reveal={reveal.full} onCursor={cursor.moved} onAskUsedBy={askAt} />
        ) : (
          <ValuesEditor key="user" text={configuration.valuesText} onChange={config.setText} schema={schema} path={`file:///${info.name}/values.yaml`} label="values.yaml editor" markers={markers} masked={revealed ? undefined : secrets} reveal={reveal.user} onCursor={cursor.moved} onAskUsedBy={askAt} />
        )}
      </div>
      {problems.length > 0 && (
        <div className="banner error" role="alert" aria-label="values.yaml problems">
          <strong>values.yaml does not parse</strong> — your text is kept; the preview shows the last values that did.
          <ul>
            {problems.slice(0, 5).map((p, i) => (
              <li key={i}>
                Line {p.line}, column {p.column}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface Revealed {
  user: { span: TextSpan } | null;
  full: { span: TextSpan } | null;
  /** A path asked for that neither text sets. */
  missing: string | null;
}

const NOTHING_REVEALED: Revealed = { user: null, full: null, missing: null };

/**
 * Where a link to a values path lands: its key in the user's values.yaml when set there, else in
 * the full merged values (a chart default), shown for the occasion.
 */
function useRevealValue(info: ChartInfo, config: ConfigurationHandle, setFull: (full: boolean) => void): [Revealed, () => void] {
  const [revealed, setRevealed] = useState<Revealed>(NOTHING_REVEALED);
  const latest = useRef(config.configuration);
  latest.current = config.configuration;
  useEffect(
    () =>
      onRevealValue((path: ValuePath) => {
        const own = valueLocation(latest.current.valuesText, path);
        const merged = own ? null : valueLocation(mergedValuesText(info.defaultsText, latest.current.overrides), path);
        setFull(!own && !!merged);
        setRevealed({ user: own && { span: own.key }, full: merged && { span: merged.key }, missing: own || merged ? null : formatPath(path) });
      }),
    [info.defaultsText, setFull],
  );
  // Switching views by hand lands nowhere in particular.
  const clear = useCallback(() => setRevealed(NOTHING_REVEALED), []);
  return [revealed, clear];
}

/** How long the cursor rests before the path under it is looked up: moving and typing never wait for it. */
const CURSOR_PAUSE_MS = 200;

/** The values path under the editor's cursor, looked up once the cursor rests. */
function useCursorPath(text: string): { path: ValuePath | null; moved: (line: number, column: number) => void } {
  const [at, setAt] = useState<{ line: number; column: number } | null>(null);
  const [path, setPath] = useState<ValuePath | null>(null);
  useEffect(() => {
    if (!at) return;
    const t = setTimeout(() => setPath(valuesPathAt(text, at.line, at.column)), CURSOR_PAUSE_MS);
    return () => clearTimeout(t);
  }, [at, text]);
  const moved = useCallback((line: number, column: number) => setAt({ line, column }), []);
  return { path, moved };
}
