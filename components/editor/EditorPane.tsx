'use client';
import { useDeferredValue, useMemo, useState } from 'react';
import { mergedValuesText, schemaSecretFields, secretRanges, valuesErrorMarkers, type ChartInfo, type PreviewStore } from '@/lib/configurator';
import { usePreviewSelector } from '@/lib/configurator/client/use-preview';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
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
  // The editor's own parser marks what it refuses (monaco-yaml); helm's reading adds what only helm refuses.
  const markers = useMemo(
    () => [...problems.filter((p) => p.code === 'ALIAS'), ...(configuration.parsed.ok ? valuesErrorMarkers(latest, configuration.valuesText) : [])],
    [problems, configuration.parsed.ok, latest, configuration.valuesText],
  );
  const [revealed, setRevealed] = useState(false);
  const secretFields = useMemo(() => schemaSecretFields(info.schema), [info.schema]);
  // Masks follow the text a moment later: typing never waits for them.
  const maskedText = useDeferredValue(configuration.valuesText);
  const secrets = useMemo(() => secretRanges(maskedText, secretFields), [maskedText, secretFields]);
  const fullSecrets = useMemo(() => (full ? secretRanges(fullText, secretFields) : []), [full, fullText, secretFields]);

  return (
    <section className="pane editor-pane" aria-label="values.yaml">
      <header className="pane-header">
        <h2>values.yaml</h2>
        <label className="switch">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
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
      <div className="pane-body editor-body">
        {full ? (
          <ValuesEditor key="full" text={fullText} schema={info.formSchema} path={`file:///${info.name}/values.full.yaml`} readOnly label="Full merged values (read-only)" masked={revealed ? undefined : fullSecrets} />
        ) : (
          <ValuesEditor key="user" text={configuration.valuesText} onChange={config.setText} schema={schema} path={`file:///${info.name}/values.yaml`} label="values.yaml editor" markers={markers} masked={revealed ? undefined : secrets} />
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
