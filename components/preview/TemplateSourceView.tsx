'use client';
import { useEffect, useMemo, useState } from 'react';
import { chartRelativePath, spanText, type PreviewStore, type TextSpan } from '@/lib/configurator';
import { useMonaco } from '../editor/use-monaco';
import { CodeBlock } from './CodeBlock';

interface TemplateSourceViewProps {
  store: PreviewStore | null;
  /** The file's Helm path (`aeterna/templates/deployment.yaml`). */
  file: string;
  /** The part to mark, found in the file's text (null while it is not loaded, or when the chart lacks it). */
  span: (text: string | null) => TextSpan | null;
}

type Loaded = { file: string; text: string | null } | null;

/**
 * A file of the loaded chart, read-only, with `span` marked: in Monaco as soon as it is on the
 * page (asked for now: the user opened this view), as plain numbered lines until then. A file
 * the chart doesn't have is said so, in place of the text.
 */
export function TemplateSourceView({ store, file, span }: TemplateSourceViewProps) {
  const monaco = useMonaco('now');
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    if (!store) return;
    let live = true;
    void store.fileText(file).then((text) => live && setLoaded({ file, text }));
    return () => {
      live = false;
    };
  }, [store, file]);

  const label = `Source of ${chartRelativePath(file)} (read-only)`;
  const text = loaded?.file === file ? loaded.text : null;
  const marked = useMemo(() => span(text), [span, text]);
  if (!loaded || loaded.file !== file) return <p className="muted small">Loading {chartRelativePath(file)}…</p>;
  if (loaded.text === null) {
    return (
      <p className="banner error" role="alert">
        The chart has no file <code>{file}</code> to show.
      </p>
    );
  }
  return (
    <div className="source-view" role="group" aria-label={label} data-file={file} data-line={marked?.line} data-marked={marked && spanText(loaded.text, marked)}>
      {monaco ? <monaco.TemplateSourceEditor monaco={monaco} text={loaded.text} label={label} span={marked} /> : <CodeBlock text={loaded.text} label={label} highlight={marked?.line} />}
    </div>
  );
}
