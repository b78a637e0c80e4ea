'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TextRange, TextSpan } from '@/lib/configurator';
import { useThemeValue } from '../ui/useThemeValue';
import { useMonaco } from './use-monaco';

/** A problem marked in the text (an error unless said otherwise). */
export type EditorMark = TextSpan & { message: string; severity?: 'error' | 'warning' | 'info' };

export interface ValuesEditorProps {
  /** The document text; the editor follows it when it changes from elsewhere (form, preset). */
  text: string;
  onChange?: (text: string) => void;
  /** JSON Schema for completion, hover and validation (null: none). */
  schema: unknown;
  /** Model path, unique per document (monaco-yaml matches the schema on it). */
  path: string;
  readOnly?: boolean;
  /** Accessible name of the text input. */
  label: string;
  /**
   * Problems monaco-yaml doesn't find itself, marked in the text: aliases (it never expands
   * them), what Helm refuses, findings about the values (a key no template reads).
   */
  markers?: readonly EditorMark[];
  /** Parts of the text to hide (secret values); they can still be edited and copied. */
  masked?: readonly TextRange[];
  /** A span to select, scroll to and focus (a link from another pane); a new object each time it is asked for. */
  reveal?: { span: TextSpan } | null;
  /** The cursor moved to this line and column (1-based). */
  onCursor?: (line: number, column: number) => void;
  /** Alt+U, or the context menu: where is the value at the cursor used? */
  onAskUsedBy?: (line: number, column: number) => void;
}

/**
 * values.yaml in Monaco with monaco-yaml. Monaco loads lazily; until it is ready a plain
 * textarea holds the same text, so typing never waits for the editor. The editor takes the
 * textarea's place before the next paint, with its focus and selection, so keys pressed while it
 * was being made land in it where the caret was.
 */
export function ValuesEditor({ text, onChange, schema, path, readOnly, label, markers, masked, reveal, onCursor, onAskUsedBy }: ValuesEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const monaco = useMonaco();
  const [ready, setReady] = useState(false);
  const editorRef = useRef<import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor | null>(null);
  const applyingRef = useRef(false);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onCursorRef = useRef(onCursor);
  onCursorRef.current = onCursor;
  const onAskRef = useRef(onAskUsedBy);
  onAskRef.current = onAskUsedBy;
  const theme = useThemeValue();

  useLayoutEffect(() => {
    if (!monaco || !host.current) return;
    const { monaco: api } = monaco;
    // The textarea is still there: what had focus, and where its caret was.
    const textarea = plain.current;
    const handOver = textarea && document.activeElement === textarea ? { start: textarea.selectionStart, end: textarea.selectionEnd } : null;
    if (textarea) textarea.hidden = true;
    host.current.hidden = false;
    const uri = api.Uri.parse(path);
    const model = api.editor.getModel(uri) ?? api.editor.createModel(text, 'yaml', uri);
    if (model.getValue() !== text) model.setValue(text);
    const editor = api.editor.create(host.current, {
      model,
      readOnly,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      renderWhitespace: 'selection',
      fontSize: 13,
      editContext: false,
      accessibilitySupport: 'on',
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
    });
    editorRef.current = editor;
    if (handOver) {
      const from = model.getPositionAt(handOver.start);
      const to = model.getPositionAt(handOver.end);
      editor.setSelection(new api.Selection(from.lineNumber, from.column, to.lineNumber, to.column));
      editor.focus();
    }
    setReady(true);
    const sub = model.onDidChangeContent(() => {
      if (!applyingRef.current) onChangeRef.current?.(model.getValue());
    });
    const cursor = editor.onDidChangeCursorPosition((e) => onCursorRef.current?.(e.position.lineNumber, e.position.column));
    editor.addAction({
      id: 'chartroom.whereUsed',
      label: 'Where is this value used?',
      keybindings: [api.KeyMod.Alt | api.KeyCode.KeyU],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 1,
      run: (ed) => {
        const at = ed.getPosition();
        if (at) onAskRef.current?.(at.lineNumber, at.column);
      },
    });
    return () => {
      cursor.dispose();
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The model is created once per path; text changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco, path, readOnly, label]);

  useEffect(() => {
    if (!monaco) return;
    monaco.setValuesSchema(schema, path);
  }, [monaco, schema, path]);

  useEffect(() => {
    monaco?.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [monaco, theme]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === text) return;
    applyingRef.current = true;
    try {
      // An edit operation (not setValue) keeps the user's undo history.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    } finally {
      applyingRef.current = false;
    }
  }, [text, monaco]);

  // After the text is in the model, so the markers are placed on the text they describe.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    const { MarkerSeverity } = monaco.monaco;
    const severity = { error: MarkerSeverity.Error, warning: MarkerSeverity.Warning, info: MarkerSeverity.Info };
    monaco.monaco.editor.setModelMarkers(
      model,
      'chartroom',
      (markers ?? []).map((p) => ({ severity: severity[p.severity ?? 'error'], message: p.message, startLineNumber: p.line, startColumn: p.column, endLineNumber: p.endLine, endColumn: p.endColumn })),
    );
  }, [monaco, markers, text]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!monaco || !editor || !model) return;
    const length = model.getValueLength();
    const decorations = editor.createDecorationsCollection(
      (masked ?? [])
        .filter((r) => r.end <= length)
        .map((r) => {
          const from = model.getPositionAt(r.start);
          const to = model.getPositionAt(r.end);
          return {
            range: new monaco.monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
            options: { inlineClassName: 'masked-secret', hoverMessage: { value: 'A secret value, hidden. "Show secret values" reveals it.' } },
          };
        }),
    );
    return () => decorations.clear();
  }, [monaco, masked, text]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal) return;
    const { span } = reveal;
    const range = { startLineNumber: span.line, startColumn: span.column, endLineNumber: span.endLine, endColumn: span.endColumn };
    editor.revealRangeInCenter(range);
    editor.setSelection(range);
    editor.focus();
  }, [ready, reveal]);

  const plainMasked = !ready && !!masked && masked.length > 0;
  return (
    // Focus given to the wrapper (a skip link) goes to the text itself.
    <div
      className="values-editor"
      tabIndex={-1}
      onFocus={(e) => {
        if (e.target !== e.currentTarget) return;
        if (editorRef.current) editorRef.current.focus();
        else e.currentTarget.querySelector('textarea')?.focus();
      }}
    >
      {!ready && (
        <textarea
          ref={plain}
          className={`plain-editor${plainMasked ? ' masked-text' : ''}`}
          aria-label={label}
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          onChange={(e) => onChange?.(e.target.value)}
        />
      )}
      <div ref={host} className="monaco-host" hidden={!ready} data-ready={ready ? 'true' : 'false'} />
    </div>
  );
}
