import type { ErrorWhere } from '@/lib/configurator';

/** Where a loading error points (chart, file, line), from the error's fields; nothing when it names no file. */
export function ErrorPlace({ where }: { where: ErrorWhere }) {
  if (where.file === undefined) return null;
  return (
    <p>
      In <code>{where.file}</code>
      {where.chart ? <> of chart {where.chart}</> : null}
      {where.line ? `, line ${where.line}` : ''}
      {where.line && where.column ? `, column ${where.column}` : ''}.
    </p>
  );
}
