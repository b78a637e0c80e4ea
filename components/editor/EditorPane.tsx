'use client';
import { useMemo, useState } from 'react';
import { mergedValuesText, type ChartInfo } from '@/lib/configurator';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
import { ValuesEditor } from './ValuesEditor';

interface EditorPaneProps {
  info: ChartInfo;
  config: ConfigurationHandle;
  /** The chart schema without `required` (the document holds only overrides). */
  schema: unknown;
}

/** values.yaml: the user's overrides (editable), or the full merged values (read-only). */
export function EditorPane({ info, config, schema }: EditorPaneProps) {
  const [full, setFull] = useState(false);
  const { configuration } = config;
  const fullText = useMemo(() => (full ? mergedValuesText(info.defaultsText, configuration.overrides) : ''), [full, info.defaultsText, configuration.overrides]);
  const problems = configuration.parsed.ok ? [] : configuration.parsed.problems;
  const aliasProblems = useMemo(() => problems.filter((p) => p.code === 'ALIAS'), [problems]);

  return (
    <section className="pane editor-pane" aria-label="values.yaml">
      <header className="pane-header">
        <h2>values.yaml</h2>
        <label className="switch">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
          Show full merged values
        </label>
      </header>
      <p className="muted small" id="editor-help">
        {full
          ? 'Read-only: the chart defaults with your changes applied.'
          : 'Only what differs from the chart defaults. Press Ctrl+M to let Tab move focus out of the editor.'}
      </p>
      <div className="pane-body editor-body">
        {full ? (
          <ValuesEditor key="full" text={fullText} schema={info.schema} path={`file:///${info.name}/values.full.yaml`} readOnly label="Full merged values (read-only)" />
        ) : (
          <ValuesEditor key="user" text={configuration.valuesText} onChange={config.setText} schema={schema} path={`file:///${info.name}/values.yaml`} label="values.yaml editor" markers={aliasProblems} />
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
