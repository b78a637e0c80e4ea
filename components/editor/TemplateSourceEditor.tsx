'use client';
import { useEffect, useRef } from 'react';
import type { TextSpan } from '@/lib/configurator';
import { useThemeValue } from '../ui/useThemeValue';
import { READ_ONLY_VIEW } from './read-only-view';
import type { Monaco } from './use-monaco';

type Editor = import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor;

export interface TemplateSourceProps {
  /** The file's text. */
  text: string;
  /** Accessible name of the view. */
  label: string;
  /** The part to mark and scroll into view; its lines are marked too. */
  span: TextSpan | null;
}

/**
 * A chart file (a template, values.yaml) in Monaco, read-only, with one span marked: where a
 * line of the manifests came from, or where a value is set. Part of Monaco's chunk: the page
 * shows plain text until Monaco has loaded (TemplateSourceView).
 */
export function TemplateSourceEditor({ monaco, text, label, span }: TemplateSourceProps & { monaco: Monaco }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const theme = useThemeValue();

  useEffect(() => {
    if (!host.current) return;
    const api = monaco.monaco;
    // Templates are YAML with actions in it: YAML's colours fit them best of Monaco's languages.
    const model = api.editor.createModel(text, 'yaml');
    const editor = api.editor.create(host.current, {
      ...READ_ONLY_VIEW,
      model,
      ariaLabel: label,
    });
    editorRef.current = editor;
    return () => {
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // The editor is made once; text, label and span changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [monaco]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model && model.getValue() !== text) model.setValue(text);
  }, [text]);

  useEffect(() => editorRef.current?.updateOptions({ ariaLabel: label }), [label]);

  // By value: a parent re-rendering with an equal span leaves the view where the user scrolled it.
  const [line, column, endLine, endColumn] = span ? [span.line, span.column, span.endLine, span.endColumn] : [0, 0, 0, 0];
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !line) return;
    const range = { startLineNumber: line, startColumn: column, endLineNumber: endLine, endColumn };
    editor.revealRangeInCenter(range);
    editor.setPosition({ lineNumber: line, column });
    const marks = editor.createDecorationsCollection([
      { range: { ...range, endColumn: Math.max(range.endColumn, 1) }, options: { isWholeLine: true, className: 'marked-line' } },
      { range, options: { inlineClassName: 'traced-span' } },
    ]);
    return () => marks.clear();
  }, [line, column, endLine, endColumn, text]);

  useEffect(() => {
    monaco.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [monaco, theme]);

  return <div ref={host} className="monaco-host source-host" data-ready="true" />;
}
