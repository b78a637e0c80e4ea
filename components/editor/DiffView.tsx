'use client';
import { useEffect, useRef, useState } from 'react';
import { useThemeValue } from '../ui/useThemeValue';

type Monaco = typeof import('./monaco');

/** A read-only Monaco diff of two texts (loads Monaco on first use). */
export function DiffView({ original, modified, label }: { original: string; modified: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const models = useRef<{ original: import('monaco-editor/editor/editor.api').editor.ITextModel; modified: import('monaco-editor/editor/editor.api').editor.ITextModel } | null>(null);
  const theme = useThemeValue();

  useEffect(() => {
    let cancelled = false;
    void import('./monaco').then((m) => !cancelled && setMonaco(m));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!monaco || !host.current) return;
    const api = monaco.monaco;
    const diff = api.editor.createDiffEditor(host.current, {
      readOnly: true,
      automaticLayout: true,
      renderSideBySide: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      originalAriaLabel: `${label}: before`,
      modifiedAriaLabel: `${label}: after`,
      fontSize: 13,
    });
    const m = { original: api.editor.createModel('', 'yaml'), modified: api.editor.createModel('', 'yaml') };
    models.current = m;
    diff.setModel(m);
    return () => {
      diff.dispose();
      m.original.dispose();
      m.modified.dispose();
      models.current = null;
    };
  }, [monaco, label]);

  useEffect(() => {
    if (!models.current) return;
    if (models.current.original.getValue() !== original) models.current.original.setValue(original);
    if (models.current.modified.getValue() !== modified) models.current.modified.setValue(modified);
  }, [original, modified, monaco]);

  useEffect(() => {
    monaco?.monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [monaco, theme]);

  return (
    <div className="diff-view" role="group" aria-label={label}>
      {!monaco && <p className="muted">Loading the diff viewer…</p>}
      <div ref={host} className="monaco-host" />
    </div>
  );
}
