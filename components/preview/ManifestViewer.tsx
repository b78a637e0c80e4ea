'use client';
import type { ManifestViewerProps } from '../editor/ManifestEditor';
import { useMonaco } from '../editor/use-monaco';
import { CodeBlock } from './CodeBlock';

/**
 * Rendered manifests: Monaco's read-only viewer (ManifestEditor, loaded with Monaco), plain text
 * until then, so the preview never waits for the editor to download.
 */
export function ManifestViewer(props: ManifestViewerProps) {
  const monaco = useMonaco();
  if (monaco) return <monaco.ManifestEditor monaco={monaco} {...props} />;
  return (
    <div className="manifest-viewer" role="group" aria-label={props.label}>
      <CodeBlock text={props.text} label={props.label} highlight={props.highlight} marked={props.marked} onLineClick={props.onLineChosen && ((line) => props.onLineChosen?.(line, false))} />
    </div>
  );
}
