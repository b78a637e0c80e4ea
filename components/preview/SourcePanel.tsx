'use client';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  actionSpan,
  chartRelativePath,
  mainPiece,
  originSpan,
  maskedValue,
  readValues,
  streamDocuments,
  traceLine,
  tracePathOf,
  usedBy,
  valueAtPath,
  valueLocation,
  valueText,
  type Inspection,
  type LinePiece,
  type ManifestDocument,
  type PreviewStore,
  type RenderSuccess,
  type RenderTrace,
  type SecretField,
  type TextSpan,
  type TraceState,
  type ValuePath,
} from '@/lib/configurator';
import { formatPath } from '@/lib/form';
import { usePreviewSelector } from '@/lib/configurator/client/use-preview';
import { focusField, revealValue } from '../layout/navigate';
import { TemplateSourceView } from './TemplateSourceView';

interface SourcePanelProps {
  store: PreviewStore;
  secretFields: readonly SecretField[];
  /** The values text being edited now, to say whether a value is set there or a chart default. */
  valuesText: () => string;
  /** Opens a resource (null: the whole stream) with these lines marked. */
  onShowLines: (resourceId: string | null) => void;
  /** Set when the question was asked from the keyboard: the answer takes the focus (once). */
  takeFocus: RefObject<boolean>;
}

/**
 * Where a line of the manifests came from (template, span, calls, values read), or where a value
 * is used: the answer to the question the user asked last (`PreviewState.inspection`), from a
 * tracing render of the render on screen.
 */
export function SourcePanel({ store, secretFields, valuesText, onShowLines, takeFocus }: SourcePanelProps) {
  const inspection = usePreviewSelector(store, (s) => s.inspection);
  const trace = usePreviewSelector(store, (s) => s.trace);
  const shownRevision = usePreviewSelector(store, (s) => s.lastGoodRevision);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus comes here when the question was asked from the keyboard, and goes back on close.
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!inspection) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && !heading.current?.closest('.source-panel')?.contains(active)) returnTo.current = active;
    if (takeFocus.current) {
      takeFocus.current = false;
      heading.current?.focus();
    }
  }, [inspection, takeFocus]);
  if (!inspection) return null;

  const close = (): void => {
    store.inspect(null);
    returnTo.current?.focus();
  };
  const ready = trace.status === 'ready' && trace.revision === inspection.revision ? trace : null;
  const stale = inspection.revision !== shownRevision;
  const title = inspection.kind === 'line' ? `Where line ${inspection.line} comes from` : `Where ${formatPath(inspection.path)} is used`;

  return (
    <section
      className="source-panel"
      aria-labelledby="source-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header className="source-panel-header">
        <h3 id="source-panel-title" ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <button type="button" className="button ghost" onClick={close}>
          Close
        </button>
      </header>
      <TraceStatus trace={trace} inspection={inspection} stale={stale} onRetry={() => store.inspect(inspection.kind === 'line' ? { kind: 'line', resourceId: inspection.resourceId, line: inspection.line } : { kind: 'value', path: inspection.path })} />
      {ready && inspection.kind === 'line' && <LineView key={`${inspection.revision}:${inspection.resourceId}:${inspection.line}`} store={store} trace={ready.trace} render={ready.render} inspection={inspection} secretFields={secretFields} valuesText={valuesText} />}
      {ready && inspection.kind === 'value' && <UsedByView trace={ready.trace} render={ready.render} path={inspection.path} onShowLines={stale ? null : onShowLines} />}
    </section>
  );
}

function TraceStatus({ trace, inspection, stale, onRetry }: { trace: TraceState; inspection: Inspection; stale: boolean; onRetry: () => void }) {
  const mine = trace.status !== 'none' && trace.revision === inspection.revision;
  if (mine && trace.status === 'tracing') {
    return (
      <p className="muted small" role="status">
        Tracing the render…
      </p>
    );
  }
  if (mine && trace.status === 'failed') {
    return (
      <div className="banner error" role="alert">
        The trace failed: {trace.message} The preview is not affected.{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (stale) {
    return (
      <p className="banner warning small" role="status">
        This answer is for the values before your last change.{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          Trace again
        </button>
      </p>
    );
  }
  return (
    <p className="visually-hidden" role="status">
      {trace.status === 'ready' ? `Traced in ${Math.round(trace.elapsedMs)} ms` : ''}
    </p>
  );
}

/** Where a piece came from, outermost call first, then what wrote it; each frame marks its span in its template. */
interface Frame {
  file: string;
  what: string;
  at: { line: number; col: number };
  span: (text: string | null) => TextSpan;
}

const WROTE: Record<LinePiece['origin']['kind'], string> = { text: 'template text, copied as written', action: 'the action that printed it', file: 'the file, copied whole' };

function framesOf(piece: LinePiece): Frame[] {
  return [
    ...piece.origin.chain.map((c) => ({ file: c.template, what: c.kind === 'tpl' ? 'calls tpl' : `${c.kind === 'include' ? 'includes' : 'runs template'} "${c.name}"`, at: c, span: (text: string | null) => actionSpan(text, c.line, c.col) })),
    { file: piece.origin.template, what: WROTE[piece.origin.kind], at: piece.origin, span: (text: string | null) => originSpan(piece, text) },
  ];
}

function LineView(props: { store: PreviewStore; trace: RenderTrace; render: RenderSuccess; inspection: Extract<Inspection, { kind: 'line' }>; secretFields: readonly SecretField[]; valuesText: () => string }) {
  const { store, trace, render, inspection, secretFields, valuesText } = props;
  const docs = useMemo(() => streamDocuments(trace, render.resources), [trace, render.resources]);
  const line = traceLine(trace, docs, inspection.resourceId, inspection.line);
  const pieces = line?.source.kind === 'written' ? line.source.pieces : [];
  const [pieceIndex, setPieceIndex] = useState(() => mainPiece(pieces, line?.text ?? ''));
  const piece = pieces[pieceIndex] ?? null;
  const frames = piece ? framesOf(piece) : [];
  const [frameIndex, setFrameIndex] = useState<number | null>(null);
  const frame = frames[frameIndex ?? frames.length - 1] ?? null;
  if (!line) return <p className="banner error">Line {inspection.line} is not in the rendered manifests.</p>;
  const resource = render.resources.find((r) => r.id === line.doc?.resourceId);
  const helmLine =
    line.source.kind === 'separator' ? 'Helm writes this line itself: it separates the documents.' : line.source.kind === 'source' ? 'Helm writes this line itself: it names the template of the document below.' : pieces.length === 0 ? 'No template wrote anything on this line.' : null;
  return (
    <div className="line-source" data-stream-line={line.streamLine}>
      <p className="small">
        {resource ? (
          <>
            {resource.kind} <strong>{resource.name}</strong>, line {line.streamLine - (line.doc?.bodyStartLine ?? 1) + 1} (line {line.streamLine} of all manifests):
          </>
        ) : (
          <>Line {line.streamLine} of all manifests:</>
        )}
      </p>
      <pre className="traced-line" aria-label="The line">
        {pieces.length === 0
          ? line.text || ' '
          : [
              line.text.slice(0, pieces[0].from),
              ...pieces.map((p, i) => (
                <mark key={i} className={i === pieceIndex ? 'piece chosen' : 'piece'}>
                  {line.text.slice(p.from, p.to)}
                </mark>
              )),
              line.text.slice(pieces.at(-1)!.to),
            ]}
      </pre>
      {helmLine ? (
        <p className="muted">{helmLine}</p>
      ) : (
        <>
          {pieces.length > 1 && (
            <div className="row small" role="group" aria-label="Parts of the line">
              Written in {pieces.length} parts:
              {pieces.map((p, i) => (
                <button
                  key={i}
                  type="button"
                  className="button ghost"
                  aria-pressed={i === pieceIndex}
                  onClick={() => {
                    setPieceIndex(i);
                    setFrameIndex(null);
                  }}
                >
                  <code>{JSON.stringify(line.text.slice(p.from, p.to))}</code>
                </button>
              ))}
            </div>
          )}
          <ol className="call-chain" aria-label="Where it came from, outermost first">
            {frames.map((f, i) => (
              <li key={i}>
                <button type="button" className="link-button" aria-current={f === frame ? 'true' : undefined} onClick={() => setFrameIndex(i)}>
                  <code>
                    {chartRelativePath(f.file)}:{f.at.line}:{f.at.col}
                  </code>
                </button>{' '}
                {f.what}
              </li>
            ))}
          </ol>
          {frame && <TemplateSourceView store={store} file={frame.file} span={frame.span} />}
          <ValuesRead pieces={pieces} render={render} secretFields={secretFields} valuesText={valuesText} />
        </>
      )}
    </div>
  );
}

function ValuesRead({ pieces, render, secretFields, valuesText }: { pieces: readonly LinePiece[]; render: RenderSuccess; secretFields: readonly SecretField[]; valuesText: () => string }) {
  const reads = readValues(pieces);
  if (reads.length === 0) return <p className="muted small">The line reads no values.</p>;
  const text = valuesText();
  return (
    <table className="values-read">
      <caption>Values the line reads, as this render had them</caption>
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Value</th>
          <th scope="col">Set in</th>
        </tr>
      </thead>
      <tbody>
        {reads.map((r) => {
          const path: ValuePath = r.keys;
          const own = valueLocation(text, path);
          return (
            <tr key={r.path} data-path={r.path}>
              <th scope="row">
                <code>{r.path === '' ? '.Values' : formatPath(path)}</code>
                {r.guard && <span className="muted small"> (decides whether the line is written)</span>}
              </th>
              <td>
                <pre className="value-text">{valueText(maskedValue(r.keys, valueAtPath(render.values, r.keys), secretFields))}</pre>
              </td>
              <td className="small">
                {r.path !== '' && (
                  <>
                    <button type="button" className="link-button" onClick={() => void focusField(path)}>
                      Form
                    </button>{' '}
                    ·{' '}
                    <button type="button" className="link-button" onClick={() => revealValue(path)} title={own ? `values.yaml line ${own.key.line}` : 'The chart default, in the full merged values'}>
                      {own ? `values.yaml:${own.key.line}` : 'default'}
                    </button>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function describeDoc(doc: ManifestDocument, render: RenderSuccess): string {
  const r = render.resources.find((x) => x.id === doc.resourceId);
  return r ? `${r.kind} ${r.name || '(unnamed)'}` : `the document from ${doc.source ?? 'the stream'}`;
}

function UsedByView({ trace, render, path, onShowLines }: { trace: RenderTrace; render: RenderSuccess; path: ValuePath; onShowLines: ((resourceId: string | null) => void) | null }) {
  const uses = useMemo(() => usedBy(trace, streamDocuments(trace, render.resources), tracePathOf(path), render.values), [trace, render, path]);
  if (uses.length === 0) {
    return (
      <p className="muted" role="status">
        No template reads <code>{formatPath(path)}</code> with these values: changing it changes nothing in the manifests.
      </p>
    );
  }
  const count = uses.reduce((n, u) => n + u.lines.length, 0);
  return (
    <div className="used-by">
      <p className="small" role="status">
        {count === 1 ? '1 line' : `${count} lines`} in {uses.length === 1 ? '1 document' : `${uses.length} documents`} read it.{' '}
        {onShowLines && (
          <button type="button" className="link-button" onClick={() => onShowLines(null)}>
            Mark them in All manifests
          </button>
        )}
      </p>
      <ul aria-label="Resources using the value">
        {uses.map((u) => (
          <li key={u.doc.index}>
            {onShowLines && u.doc.resourceId ? (
              <button type="button" className="link-button" onClick={() => onShowLines(u.doc.resourceId)}>
                {describeDoc(u.doc, render)}
              </button>
            ) : (
              describeDoc(u.doc, render)
            )}{' '}
            <span className="muted small">
              {u.lines.length === 1 ? 'line' : 'lines'} {u.lines.map((l) => l - u.doc.bodyStartLine + 1).join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
