/**
 * The schema behind a chart's form and editor: declared or inferred, with its subcharts
 * (`lib/form/infer`), read from a loaded chart.
 */
import { effectiveSchema, type ChartValuesSource, type EffectiveSchema } from '../form';
import type { Chart } from '../helm';

const decoder = new TextDecoder();
/** Values files a chart ships for its tests and presets; they must all pass the schema. */
const SHIPPED_VALUES = /^(ci\/[^/]+\.ya?ml|values-[^/]+\.ya?ml)$/;

function rawText(chart: Chart, name: string): string | undefined {
  const f = chart.raw.find((x) => x.name === name);
  return f ? decoder.decode(f.data) : undefined;
}

/** What a chart and its subcharts say about their values. */
export function chartValuesSource(chart: Chart): ChartValuesSource {
  let declared: unknown = null;
  if (chart.schema) {
    try {
      declared = JSON.parse(decoder.decode(chart.schema));
    } catch {
      declared = null;
    }
  }
  const subcharts: ChartValuesSource['subcharts'] = [];
  const loaded = new Map(chart.dependencies.map((d) => [d.metadata.name, d]));
  const keys = new Set<string>();
  for (const dep of chart.metadata.dependencies ?? []) {
    if (!dep) continue;
    const sub = loaded.get(dep.name);
    const key = dep.alias || dep.name;
    if (!sub || keys.has(key)) continue;
    keys.add(key);
    subcharts.push({ key, source: chartValuesSource(sub) });
  }
  // Subcharts carried in charts/ without a Chart.yaml entry are still rendered under their name.
  for (const sub of chart.dependencies) {
    if (keys.has(sub.metadata.name) || (chart.metadata.dependencies ?? []).some((d) => d?.name === sub.metadata.name)) continue;
    keys.add(sub.metadata.name);
    subcharts.push({ key: sub.metadata.name, source: chartValuesSource(sub) });
  }
  return {
    valuesText: rawText(chart, 'values.yaml') ?? '',
    declared,
    samples: chart.raw.filter((f) => SHIPPED_VALUES.test(f.name)).map((f) => ({ file: f.name, text: decoder.decode(f.data) })),
    subcharts,
  };
}

/** The form's schema of a chart. */
export function chartFormSchema(chart: Chart): EffectiveSchema {
  return effectiveSchema(chartValuesSource(chart));
}
