/**
 * The configuration a user leaves the configurator with: one format for share links, the
 * `chartroom.json` in values bundles and GitOps skeletons, and what the configurator restores
 * when either is dropped back in.
 *
 * Format 1:
 * - `chart`: the chart it was made for (name and version, as in Chart.yaml); for a chart opened
 *   from the user's disk also its `digest` (`sha256:<hex>` of the .tgz or of the folder's files), so
 *   whoever opens the configuration can tell which file it needs; for a chart opened from a
 *   repository its `repository` (a Helm repository URL, or the `oci://` prefix the chart sits
 *   under, as a Chart.yaml dependency names it) and the archive's `digest`, so the configuration
 *   reopens the same chart elsewhere.
 * - `release`: release name and namespace (`helm install NAME -n NAMESPACE`).
 * - `helmVersion`: the Helm the configuration renders as, `4.1` or `3.17`. Configurations made
 *   before chartroom knew Helm 4 carry none and were checked with Helm 3.17 ({@link configHelmVersion}).
 * - `kubeVersion`, `apiVersions`: the render target (`--kube-version`, `--api-versions`).
 * - `preset`: the chart preset (`values-<id>.yaml`) the user started from, for information;
 *   `values` already contains what it set.
 * - `values`: the user's values.yaml text, holding only what differs from the chart defaults
 *   (comments kept). It is the whole user configuration: the chart plus this file renders it.
 * - `environments`: optional overlays, each a values.yaml text applied over `values`
 *   (`-f values.yaml -f values-<name>.yaml`), with an optional target namespace.
 */
import type { z as zodTypes } from 'zod';
import { z } from '../zod';
import { DNS1123_LABEL, DNS1123_LABEL_MAX_LENGTH, RELEASE_NAME, RELEASE_NAME_MAX_LENGTH } from '../kube';
import { CONFIG_FORMAT, MAX_VALUES_TEXT } from './format';

export { CONFIG_FORMAT, MAX_VALUES_TEXT, configHelmVersion } from './format';

// Environment names go into file and object names (`values-<env>.yaml`, `<release>-<env>`): DNS labels.

const valuesText = z.string().max(MAX_VALUES_TEXT, 'values text is larger than 128 KiB');

export const environmentSchema = z.object({
  name: z.string().regex(DNS1123_LABEL, 'environment names are lowercase letters, digits and "-" (e.g. dev, staging, prod)').max(40),
  /** Namespace this environment deploys to; default: the release namespace (see each exporter). */
  namespace: z.string().regex(DNS1123_LABEL, 'namespaces are lowercase letters, digits and "-"').max(DNS1123_LABEL_MAX_LENGTH).optional(),
  values: valuesText,
});

export const chartroomConfigSchema = z
  .object({
    format: z.literal(CONFIG_FORMAT),
    chart: z.object({
      name: z.string().min(1).max(100),
      version: z.string().min(1).max(100),
      digest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'digest looks like sha256:<64 hex digits>').optional(),
      repository: z
        .string()
        .max(2048)
        .regex(/^(https?|oci):\/\/[^\s@]+$/, 'repository is an https:// repository URL or an oci:// reference, without credentials')
        .optional(),
    }),
    release: z.object({
      name: z.string().regex(RELEASE_NAME, 'invalid release name').max(RELEASE_NAME_MAX_LENGTH),
      namespace: z.string().regex(DNS1123_LABEL, 'invalid namespace').max(DNS1123_LABEL_MAX_LENGTH),
    }),
    helmVersion: z.enum(['4.1', '3.17'], { message: 'helmVersion is 4.1 or 3.17' }).optional(),
    kubeVersion: z.string().regex(/^v?\d+\.\d+(\.\d+)?$/, 'kubeVersion looks like 1.31.0').optional(),
    apiVersions: z.array(z.string().min(1).max(200)).max(200).optional(),
    preset: z.string().min(1).max(100).optional(),
    values: valuesText,
    environments: z.array(environmentSchema).max(20).optional(),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, env] of (c.environments ?? []).entries()) {
      if (seen.has(env.name)) ctx.addIssue({ code: 'custom', path: ['environments', i, 'name'], message: `duplicate environment "${env.name}"` });
      seen.add(env.name);
    }
  });

/** A configuration (format 1); see the module comment for each field. */
export type ChartroomConfig = zodTypes.infer<typeof chartroomConfigSchema>;
/** One environment overlay of a configuration. */
export type ChartroomEnvironment = zodTypes.infer<typeof environmentSchema>;

/** Outcome of reading untrusted input: the configuration, or sentences saying what is wrong. */
export type ConfigResult = { ok: true; config: ChartroomConfig } | { ok: false; message: string; issues: string[]; newerFormat?: true };

function describeIssues(error: zodTypes.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}

/** Validates an already-parsed object as a configuration. */
export function validateConfig(raw: unknown): ConfigResult {
  if (typeof raw === 'object' && raw !== null && 'format' in raw && (raw as { format: unknown }).format !== CONFIG_FORMAT) {
    const f = (raw as { format: unknown }).format;
    if (typeof f === 'number' && f > CONFIG_FORMAT) {
      return { ok: false, message: `This configuration uses format ${f}, made by a newer chartroom; this one reads format ${CONFIG_FORMAT}.`, issues: [], newerFormat: true };
    }
    return { ok: false, message: `Unknown configuration format ${JSON.stringify(f)}.`, issues: [] };
  }
  const parsed = chartroomConfigSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issues = describeIssues(parsed.error);
  return { ok: false, message: `The configuration is not valid: ${issues.slice(0, 3).join('; ')}`, issues };
}

/** Reads `chartroom.json` text. */
export function parseConfigJson(text: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `chartroom.json is not JSON: ${(e as Error).message}`, issues: [] };
  }
  return validateConfig(raw);
}

/**
 * The configuration with its keys in one fixed order and optional fields left out when empty,
 * so equal configurations serialize to equal bytes.
 */
export function normalizeConfig(c: ChartroomConfig): ChartroomConfig {
  const out: ChartroomConfig = {
    format: CONFIG_FORMAT,
    chart: { name: c.chart.name, version: c.chart.version, ...(c.chart.repository ? { repository: c.chart.repository } : {}), ...(c.chart.digest ? { digest: c.chart.digest } : {}) },
    release: { name: c.release.name, namespace: c.release.namespace },
    values: c.values,
  };
  if (c.helmVersion) out.helmVersion = c.helmVersion;
  if (c.kubeVersion) out.kubeVersion = c.kubeVersion;
  if (c.apiVersions && c.apiVersions.length > 0) out.apiVersions = [...c.apiVersions];
  if (c.preset) out.preset = c.preset;
  if (c.environments && c.environments.length > 0) {
    out.environments = c.environments.map((e) => (e.namespace ? { name: e.name, namespace: e.namespace, values: e.values } : { name: e.name, values: e.values }));
  }
  // Fixed key order: format, chart, release, helmVersion, kubeVersion, apiVersions, preset, values, environments.
  const ordered: Record<string, unknown> = {};
  for (const k of ['format', 'chart', 'release', 'helmVersion', 'kubeVersion', 'apiVersions', 'preset', 'values', 'environments'] as const) {
    if (out[k] !== undefined) ordered[k] = out[k];
  }
  return ordered as ChartroomConfig;
}

/** `chartroom.json`: the normalized configuration, pretty-printed, ending in a newline. */
export function configToJson(c: ChartroomConfig): string {
  return `${JSON.stringify(normalizeConfig(c), null, 2)}\n`;
}
