'use client';
import { useEffect, useState } from 'react';
import { chartRelativePath, type PreviewStore, type RenderFailure } from '@/lib/configurator';
import { CodeBlock } from './CodeBlock';

const HEADINGS: Record<RenderFailure['kind'], string> = {
  values: 'values.yaml could not be read',
  schema: "The values don't match the chart's schema",
  template: 'A template failed',
  timeout: 'Rendering stopped',
  crash: 'The renderer stopped',
  chart: 'The chart is not loaded',
};

/** Helm's message verbatim, where it points in the chart, and that template's source. */
export function RenderErrorPanel({ failure, store }: { failure: RenderFailure; store: PreviewStore | null }) {
  const [source, setSource] = useState<{ file: string; text: string | null } | null>(null);
  const [showSource, setShowSource] = useState(false);
  const loc = failure.location;

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
