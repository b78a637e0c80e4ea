'use client';
/**
 * Read-only text with line numbers; `highlight` marks a line (1-based) and scrolls it into view,
 * `marked` marks more lines, and `onLineClick` receives the line clicked (a click that selected
 * no text).
 */
import { useEffect, useRef, type MouseEvent } from 'react';

interface CodeBlockProps {
  text: string;
  label: string;
  highlight?: number;
  marked?: readonly number[];
  onLineClick?: (line: number) => void;
}

const selectedNothing = (): boolean => window.getSelection()?.isCollapsed ?? true;

/** The line (1-based) of a plain text block at a point of the page, null off the text or when text is selected. */
function lineAtPoint(text: string, x: number, y: number): number | null {
  const caret = (document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  if (!caret || caret.startContainer.nodeType !== Node.TEXT_NODE || !selectedNothing()) return null;
  let line = 1;
  for (let i = 0; i < caret.startOffset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function CodeBlock({ text, label, highlight, marked, onLineClick }: CodeBlockProps) {
  const shown = useRef<HTMLSpanElement>(null);
  // A block body: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    shown.current?.scrollIntoView({ block: 'center' });
  }, [highlight, marked, text]);
  if (highlight === undefined && !marked?.length) {
    // One text node, however long the text: a click finds its line from the caret's offset.
    const onClick = onLineClick
      ? (e: MouseEvent): void => {
          const line = lineAtPoint(text, e.clientX, e.clientY);
          if (line !== null) onLineClick(line);
        }
      : undefined;
    return (
      <pre className="code-block" tabIndex={0} aria-label={label} onClick={onClick}>
        <code>{text}</code>
      </pre>
    );
  }
  const lines = text.replace(/\n$/, '').split('\n');
  const used = new Set(marked);
  const scrollTo = highlight ?? marked?.[0];
  return (
    <pre
      className="code-block"
      tabIndex={0}
      aria-label={label}
      onClick={(e) => {
        const line = (e.target as HTMLElement).closest<HTMLElement>('[data-line]')?.dataset.line;
        if (line && onLineClick && selectedNothing()) onLineClick(Number(line));
      }}
    >
      <code>
        {lines.map((line, i) => (
          <span key={i} ref={i + 1 === scrollTo ? shown : undefined} className={`line${i + 1 === highlight ? ' marked' : ''}${used.has(i + 1) ? ' used' : ''}`} data-line={i + 1}>
            {line}
            {'\n'}
          </span>
        ))}
      </code>
    </pre>
  );
}
