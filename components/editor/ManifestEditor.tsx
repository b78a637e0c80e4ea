'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { documentAtLine, documentBody, textChanges, type ManifestDocument, type RenderedResource } from '@/lib/configurator';
import { useThemeValue } from '../ui/useThemeValue';
import { READ_ONLY_VIEW } from './read-only-view';
import type { Monaco } from './use-monaco';

type Editor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;

export interface ManifestViewerProps {
  /** The YAML shown: a `helm template` stream, or one resource. */
  text: string;
  /** Accessible name of the view. */
  label: string;
  /** `stream`: the documents of `text` are these resources, in order; `resource`: `text` is resources[0]. */
  mode: 'stream' | 'resource';
  resources: readonly RenderedResource[];
  /** Changes when another text is shown (not a re-render of the same one): the view goes back to its top. */
  documentKey: string;
  /** A line (1-based) to mark and scroll into view, as a finding points at it. */
  highlight?: number;
  /** Lines (1-based) to mark, e.g. those a value is used by; the view scrolls to the first when they change. */
  marked?: readonly number[];
  /**
   * The user asks where a line comes from: a click on it (not a selection), or Enter on the
   * cursor's line (`byKeyboard`).
   */
  onLineChosen?: (line: number, byKeyboard: boolean) => void;
}

/** What "Copy this resource" copies and names. */
interface Target {
  name: string;
  doc: ManifestDocument | null;
}

const describe = (r: RenderedResource | undefined, doc: ManifestDocument | null): string =>
  r ? `${r.kind} ${r.name || '(unnamed)'}` : doc?.source ? `the document from ${doc.source}` : 'this document';

/**
 * Rendered manifests in Monaco, read-only: YAML highlighting, folds per document and per block,
 * find (Ctrl+F), and copying the resource under the cursor (or at the top of the view). Part of
 * Monaco's chunk: the page shows plain text until it has loaded (ManifestViewer).
 */
export function ManifestEditor({ monaco, text, label, mode, resources, documentKey, highlight, marked, onLineChosen }: ManifestViewerProps & { monaco: Monaco }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const shown = useRef({ text, documentKey });
  const resourcesRef = useRef(resources);
  resourcesRef.current = resources;
  const [target, setTarget] = useState<Target | null>(null);
  const [copied, setCopied] = useState('');
  const theme = useThemeValue();

  /** The document under the cursor when the cursor is in view, else the one at the top of the view. */
  const currentTarget = (editor: Editor): Target | null => {
    const model = editor.getModel();
    if (!model) return null;
    if (mode === 'resource') return { name: describe(resourcesRef.current[0], null), doc: null };
    const docs = monaco.modelDocuments(model, resourcesRef.current);
    const visible = editor.getVisibleRanges();
    const top = visible[0]?.startLineNumber ?? 1;
    const bottom = visible.at(-1)?.endLineNumber ?? top;
    const cursor = editor.getPosition()?.lineNumber ?? 0;
    const line = cursor >= top && cursor <= bottom ? cursor : top;
    const doc = documentAtLine(docs, line) ?? docs.find((d) => d.startLine >= line) ?? null;
    if (!doc) return null;
    return { name: describe(resourcesRef.current.find((r) => r.id === doc.resourceId), doc), doc };
  };

  const copy = async (t: Target | null): Promise<void> => {
    const model = editorRef.current?.getModel();
    if (!model || !t) return;
    const body = t.doc ? documentBody(model.getLinesContent(), t.doc) : model.getValue();
    try {
      await navigator.clipboard.writeText(body);
      setCopied(`Copied ${t.name} (${body.split('\n').length} lines).`);
    } catch {
      setCopied('The browser did not allow copying: select the text and press Ctrl+C.');
    }
  };
  const copyRef = useRef(copy);
  copyRef.current = copy;
  const chosenRef = useRef(onLineChosen);
  chosenRef.current = onLineChosen;
  // A message about an earlier copy would name the wrong resource.
  useEffect(() => setCopied(''), [target]);

  // Made before the first paint, so the plain text it replaces never gives way to an empty box.
  useLayoutEffect(() => {
    if (!host.current) return;
    const api = monaco.monaco;
    monaco.registerManifestLanguage(api);
    const model = api.editor.createModel(shown.current.text, monaco.MANIFEST_LANGUAGE);
    const editor = api.editor.create(host.current, {
      ...READ_ONLY_VIEW,
      model,
      ariaLabel: label,
      folding: true,
      foldingStrategy: 'auto',
      showFoldingControls: 'always',
      stickyScroll: { enabled: true, defaultModel: 'foldingProviderModel', maxLineCount: 3 },
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editorRef.current = editor;
    const follow = (): void =>
      setTarget((old) => {
        const next = currentTarget(editor);
        return old && next && old.name === next.name && old.doc?.startLine === next.doc?.startLine ? old : next;
      });
    follow();
    // Scrolling moves the view once per frame however many wheel events came in it: the
    // toolbar follows once per frame too.
    let frame = 0;
    const followInFrame = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        follow();
      });
    };
    // After a re-render the toolbar may name another document; finding it reads every line of
    // the stream, so it waits until the new text is on screen rather than delay it.
    let later = 0;
    const followLater = (): void => {
      clearTimeout(later);
      later = window.setTimeout(follow, 50);
    };
    const subs = [
      editor.onDidScrollChange(followInFrame),
      editor.onDidChangeCursorPosition(followInFrame),
      model.onDidChangeContent(followLater),
      {
        dispose: () => {
          clearTimeout(later);
          cancelAnimationFrame(frame);
        },
      },
    ];
    // A click that selected nothing chooses its line; a drag or double click selects text as usual.
    subs.push(
      editor.onMouseUp((e) => {
        const line = e.target.position?.lineNumber;
        const type = e.target.type;
        const onText = type === api.editor.MouseTargetType.CONTENT_TEXT || type === api.editor.MouseTargetType.CONTENT_EMPTY;
        if (line && onText && e.event.leftButton && editor.getSelection()?.isEmpty()) chosenRef.current?.(line, false);
      }),
    );
    editor.addAction({
      id: 'chartroom.traceLine',
      label: 'Where does this line come from?',
      keybindings: [api.KeyCode.Enter],
      precondition: 'editorTextFocus && !findWidgetVisible',
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 1,
      run: (ed) => {
        const line = ed.getPosition()?.lineNumber;
        if (line) chosenRef.current?.(line, true);
      },
    });
    editor.addAction({
      id: 'chartroom.copyResource',
      label: 'Copy this resource',
      contextMenuGroupId: '9_cutcopypaste',
      contextMenuOrder: 10,
      run: (ed) => copyRef.current(currentTarget(ed as Editor)),
    });
    return () => {
      for (const s of subs) s.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is made once; text and label changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco]);

  useEffect(() => editorRef.current?.updateOptions({ ariaLabel: label }), [label]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    const before = shown.current;
    shown.current = { text, documentKey };
    if (!editor || !model) return;
    if (before.documentKey !== documentKey) {
      model.setValue(text);
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
      return;
    }
    const changes = textChanges(before.text, text);
    if (!changes.length) return;
    // Only the changed lines: the view keeps its scroll position, folds and tokenized lines.
    model.applyEdits(
      changes.map((c) => {
        const from = model.getPositionAt(c.start);
        const to = model.getPositionAt(c.end);
        return { range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }, text: c.text };
      }),
    );
  }, [text, documentKey, monaco]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !highlight) return;
    // A line already in view stays where it is: a click that chose it must not move the text under the pointer.
    editor.revealLineInCenterIfOutsideViewport(highlight);
    const marks = editor.createDecorationsCollection([{ range: { startLineNumber: highlight, startColumn: 1, endLineNumber: highlight, endColumn: 1 }, options: { isWholeLine: true, className: 'marked-line' } }]);
    return () => marks.clear();
  }, [highlight, text, documentKey]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !marked?.length) return;
    editor.revealLineInCenterIfOutsideViewport(marked[0]);
    const marks = editor.createDecorationsCollection(
      marked.map((line) => ({
        range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: 1 },
        options: { isWholeLine: true, className: 'used-line', linesDecorationsClassName: 'used-line-gutter', overviewRuler: { color: '#d18616', position: monaco.monaco.editor.OverviewRulerLane.Full } },
      })),
    );
    return () => marks.clear();
  }, [marked, text, documentKey, monaco]);

  useEffect(() => {
    monaco.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [monaco, theme]);

  const fold = (action: 'editor.foldLevel1' | 'editor.unfoldAll'): void => {
    void editorRef.current?.getAction(action)?.run();
  };

  return (
    <div className="manifest-viewer" role="group" aria-label={label}>
      <div className="viewer-toolbar small">
        <span className="viewer-target">{target?.doc ? `${target.name}, document ${target.doc.index + 1}` : (target?.name ?? '')}</span>
        <button type="button" className="button" onClick={() => void copy(target)} disabled={!target} title={target ? `Copy ${target.name} to the clipboard` : undefined}>
          Copy this resource
        </button>
        {mode === 'stream' && (
          <>
            <button type="button" className="button" onClick={() => fold('editor.foldLevel1')}>
              Fold all documents
            </button>
            <button type="button" className="button" onClick={() => fold('editor.unfoldAll')}>
              Unfold all
            </button>
          </>
        )}
        <span role="status" className="muted">
          {copied}
        </span>
      </div>
      <div ref={host} className="monaco-host" data-ready="true" />
    </div>
  );
}
