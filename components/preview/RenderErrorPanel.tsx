'use client';
import { useEffect, useMemo, useState } from 'react';
import { chartRelativePath, type ErrorCode, type PreviewStore, type RenderFailure } from '@/lib/configurator';
import { CodeBlock } from './CodeBlock';

const HEADINGS: Record<RenderFailure['kind'], string> = {
  values: 'values.yaml could not be read',
  schema: "The values don't match the chart's schema",
  template: 'A template failed',
  timeout: 'Rendering stopped',
  crash: 'The renderer stopped',
  chart: 'The chart is not loaded',
};

/** Errors that point into the chart's files: a template, or the file a template rendered. */
const IN_TEMPLATE = new Set<ErrorCode>(['template-parse', 'template-exec']);

/** Where the failure points in the chart, from its fields: a template's source, or a rendered file. */
function chartPlace(failure: RenderFailure): { file: string; line: number; column?: number; inRenderedOutput: boolean } | null {
  const { file, line, column } = failure.where;
  if (file === undefined || line === undefined) return null;
  if (IN_TEMPLATE.has(failure.code)) return { file, line, column, inRenderedOutput: false };
  if (failure.code === 'manifest-yaml') return { file, line, column, inRenderedOutput: true };
  return null;
}

/** Helm's message verbatim, where it points in the chart, and that template's source. */
export function RenderErrorPanel({ failure, store }: { failure: RenderFailure; store: PreviewStore | null }) {
  const [source, setSource] = useState<{ file: string; text: string | null } | null>(null);
  const [showSource, setShowSource] = useState(false);
  const loc = useMemo(() => chartPlace(failure), [failure]);

  useEffect(() => {
    if (!showSource || !loc || loc.inRenderedOutput || !store) return;
    if (source?.file === loc.file) return;
    let live = true;
    void store.fileText(loc.file).then((text) => live && setSource({ file: loc.file, text }));
    return () => {
      live = false;
    };
  }, [showSource, loc, store, source?.file]);

  return (
    <div className="render-error" role="alert" aria-labelledby="render-error-title">
      <h3 id="render-error-title">{HEADINGS[failure.kind]}</h3>
      {failure.kind === 'schema' && failure.schemaProblems.length > 0 ? (
        <ul className="schema-problems">
          {failure.schemaProblems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <pre className="helm-message">{failure.message}</pre>
      {loc && (
        <p>
          In <code>{chartRelativePath(loc.file)}</code>, line {loc.line}
          {loc.column ? `, column ${loc.column}` : ''}
          {loc.inRenderedOutput ? ' of the rendered output' : ''}.{' '}
          {!loc.inRenderedOutput && (
            <button type="button" className="link-button" aria-expanded={showSource} onClick={() => setShowSource(!showSource)}>
              {showSource ? 'Hide the template source' : 'Show the template source'}
            </button>
          )}
        </p>
      )}
      {showSource && loc && source?.file === loc.file && (
        source.text === null ? <p className="muted">The source of {loc.file} is not available.</p> : <CodeBlock text={source.text} label={`Source of ${chartRelativePath(loc.file)} (read-only)`} highlight={loc.line} />
      )}
    </div>
  );
}
