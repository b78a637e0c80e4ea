'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useThemeValue } from '../ui/useThemeValue';
import { useMonaco } from './use-monaco';

/**
 * A read-only Monaco diff of two texts (loads Monaco on first use): unchanged stretches folded,
 * the number of changes said, and the view opened on the first change.
 */
export function DiffView({ original, modified, label }: { original: string; modified: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const monaco = useMonaco('now');
  const [changes, setChanges] = useState<number | null>(null);
  const models = useRef<{ original: import('monaco-editor/editor/editor.api').editor.ITextModel; modified: import('monaco-editor/editor/editor.api').editor.ITextModel } | null>(null);
  const theme = useThemeValue();

  useLayoutEffect(() => {
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
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 20 },
    });
    const m = { original: api.editor.createModel('', 'yaml'), modified: api.editor.createModel('', 'yaml') };
    models.current = m;
    diff.setModel(m);
    // Each new pair of texts opens on its first change; later diff updates of the same pair leave the view alone.
    let revealed = '';
    const updated = diff.onDidUpdateDiff(() => {
      const lines = diff.getLineChanges() ?? [];
      setChanges(lines.length);
      const key = `${m.original.getVersionId()}:${m.modified.getVersionId()}`;
      if (lines.length === 0 || revealed === key) return;
      revealed = key;
      const first = lines[0];
      diff.getModifiedEditor().revealLineNearTop(Math.max(1, first.modifiedStartLineNumber || first.modifiedEndLineNumber || 1));
    });
    return () => {
      updated.dispose();
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
      {monaco && changes !== null && (
        <p className="muted small" role="status" aria-label={`${label}: changes`}>
          {changes === 0 ? 'No changes.' : `${changes} change${changes === 1 ? '' : 's'}; unchanged lines are folded.`}
        </p>
      )}
      <div ref={host} className="monaco-host" />
    </div>
  );
}
