'use client';
/** Read-only text with line numbers; `highlight` marks a line (1-based) and scrolls it into view. */
import { useEffect, useRef } from 'react';

export function CodeBlock({ text, label, highlight }: { text: string; label: string; highlight?: number }) {
  const marked = useRef<HTMLSpanElement>(null);
  useEffect(() => marked.current?.scrollIntoView({ block: 'center' }), [highlight, text]);
  if (highlight === undefined) {
    return (
      <pre className="code-block" tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    );
  }
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <pre className="code-block" tabIndex={0} aria-label={label}>
      <code>
        {lines.map((line, i) => (
          <span key={i} ref={i + 1 === highlight ? marked : undefined} className={i + 1 === highlight ? 'line marked' : 'line'} data-line={i + 1}>
            {line}
            {'\n'}
          </span>
        ))}
      </code>
    </pre>
  );
}
