import { type Chart, templateChart, type TemplateOptions, type TemplateResult, mergeUserValues, helmLogLine, type HelmVersion } from '../helm';
import { flagBool, flagHelmVersion, flagList, flagString, type ParsedArgs } from './args';
import type { CliIO } from './io';
import type { GoMap } from '../go';
import { rendersWithoutMissingDependencies } from './chart-ref-flags';

const decoder = new TextDecoder();

/** The user's values from `-f` and every `--set` form, merged as helm merges them. */
export function valuesFromFlags(parsed: ParsedArgs, io: CliIO, helmVersion: HelmVersion) {
  return mergeUserValues({
    helmVersion,
    valueFiles: flagList(parsed, 'values').map((f) => ({ name: f, data: io.readFile(f) })),
    jsonValues: flagList(parsed, 'set-json'),
    values: flagList(parsed, 'set'),
    stringValues: flagList(parsed, 'set-string'),
    fileValues: flagList(parsed, 'set-file'),
    literalValues: flagList(parsed, 'set-literal'),
    readFile: (p: string) => decoder.decode(io.readFile(p)),
  });
}

/**
 * Loads the chart and renders it from `helm template`'s flags (values files, every `--set` form,
 * release and capability settings), as the template and lint commands both do.
 * `overrides` replaces single settings (lint's default kube version, for instance).
 */
export function renderFromFlags(
  parsed: ParsedArgs,
  releaseName: string,
  chartRef: string,
  io: CliIO,
  overrides: Partial<TemplateOptions> = {},
): TemplateResult & { chart: Chart; rendered: Chart; userValues: GoMap } {
  const helmVersion = flagHelmVersion(parsed);
  const chart = io.loadChart(chartRef, helmVersion);
  const values = valuesFromFlags(parsed, io, helmVersion);
  const result = templateChart(chart, {
    releaseName,
    helmVersion,
    namespace: flagString(parsed, 'namespace'),
    values,
    kubeVersion: flagString(parsed, 'kube-version'),
    apiVersions: flagList(parsed, 'api-versions'),
    isUpgrade: flagBool(parsed, 'is-upgrade'),
    includeCrds: flagBool(parsed, 'include-crds'),
    skipTests: flagBool(parsed, 'skip-tests'),
    noHooks: flagBool(parsed, 'no-hooks'),
    showOnly: flagList(parsed, 'show-only'),
    skipSchemaValidation: flagBool(parsed, 'skip-schema-validation'),
    renderSubchartNotes: flagBool(parsed, 'render-subchart-notes'),
    warn: (msg) => io.stderr(`${helmLogLine(msg, helmVersion)}\n`),
    // Already reported when the dependencies could not be fetched; the chart renders as the page renders it.
    ...(rendersWithoutMissingDependencies(chart) ? { onMissingDependencies: () => {} } : {}),
    ...overrides,
  });
  return { ...result, chart, rendered: result.chart, userValues: values };
}
