'use client';
import { useMemo } from 'react';
import { placeholderValue, withPlaceholders, type ChartInfo, type SchemaProblem } from '@/lib/configurator';
import { pathKeys } from '@/lib/helm';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
import { focusField } from './navigate';

/** Problems about one value (not a combination's verdict on a whole object, such as `if`/`then`), for this chart. */
function valueProblems(problems: readonly SchemaProblem[], chart: string): { path: string; messages: string[] }[] {
  const byPath = new Map<string, string[]>();
  for (const p of problems) {
    if (p.chart !== chart || p.valuesPath === '' || (p.keyword && p.keyword !== 'not')) continue;
    byPath.set(p.valuesPath, [...(byPath.get(p.valuesPath) ?? []), p.message]);
  }
  return [...byPath].map(([path, messages]) => ({ path, messages }));
}

/**
 * What the chart's schema still needs before anything renders (e.g. a database URL its
 * defaults leave empty): first in the form, each a link to its field, with one click to fill
 * marked placeholders so the preview can render meanwhile.
 */
export function RequiredValues({ info, config, problems }: { info: ChartInfo; config: ConfigurationHandle; problems: readonly SchemaProblem[] }) {
  const needed = useMemo(() => valueProblems(problems, info.name), [problems, info.name]);
  const fillable = needed.filter((n) => placeholderValue(info.schema, pathKeys(n.path)) !== undefined);
  if (needed.length === 0) return null;
  return (
    <section className="banner warning required-values" aria-labelledby="required-values-title">
      <h3 id="required-values-title">Needed before {info.name} can render</h3>
      <ul>
        {needed.map((n) => (
          <li key={n.path}>
            <button type="button" className="link-button" onClick={() => void focusField(n.path)}>
              <code>{n.path}</code>
            </button>
            : {n.messages.join('; ')}
          </li>
        ))}
      </ul>
      {fillable.length > 0 && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              const { text } = withPlaceholders(config.configuration.valuesText, info.schema, fillable.map((n) => pathKeys(n.path)), config.defaults);
              config.replaceText(text);
            }}
          >
            Fill placeholders for a preview
          </button>{' '}
          <span className="small">
            Marked <code># placeholder</code> in values.yaml. Secret placeholders are treated as secrets: left out of links and exports.
          </span>
        </p>
      )}
    </section>
  );
}
