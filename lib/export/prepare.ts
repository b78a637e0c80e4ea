/**
 * What every export starts from: the user's values files with secrets removed and wired to the
 * chart's existing-Secret options, operators planned before the release, origins commented,
 * and the configuration rendered once per environment for review and checks.
 */
import { isCollection, isMap, isScalar, type Document, type Pair } from 'yaml';
import { pathKeys, pathOf, type Chart, type Dependency, type TemplateResult } from '../helm';
import { normalizeConfig, validateConfig, type ChartroomConfig, chartContext, withoutSecrets, fieldForPath, parseValuesDocument, schemaSecretFields, stripSecretsFromText, valuesOf } from '../share';
import { formatPath, getIn, type ValuePath } from '../form';
import { gitopsCallRecorder, gitopsFindings, manifestDocs, type Finding } from '../validate';
import { footprintOf, type Footprint } from './footprint';
import { planOperators, type OperatorPlan } from './operators';
import { renderedObjects, renderValuesFiles, secretReferences, type RenderedObject, type ValuesFileText } from './render';
import { defaultSecretName, secretKeys, type SecretCandidate, type SecretWiring, type UnwiredSecret } from './secret-wiring';

export interface ExportOptions {
  /** Where each value came from, by path as `a.b[0].c`: e.g. `preset "production"`, `form`, `editor`. */
  origins?: Record<string, string>;
  /**
   * Install operators the chart depends on (e.g. CloudNativePG) before the release, switching
   * them off inside it; default true. A user who set the switch keeps their choice.
   */
  separateOperators?: boolean;
}

/** Thrown when a configuration can't be exported; the message is for people. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

export interface PreparedEnvironment {
  name: string;
  namespace?: string;
  /** `values-<name>.yaml` */
  fileName: string;
  text: string;
}

/** One render of the configuration (per environment, or the base values alone). */
export interface PreparedRender {
  environment?: string;
  files: ValuesFileText[];
  result?: TemplateResult;
  objects: RenderedObject[];
  /** Why it did not render, when it did not. */
  error?: string;
  /** What renders differently under GitOps: varying functions and `lookup` (findings). */
  gitops: Finding[];
}

export interface PreparedExport {
  chart: Chart;
  /** The configuration with secrets removed: what `chartroom.json` holds. */
  config: ChartroomConfig;
  /** values.yaml to install with: secrets removed, Secrets wired, origins commented. */
  valuesText: string;
  environments: PreparedEnvironment[];
  /** Secret values removed, as `<file>: <path>`. */
  removed: string[];
  secrets: SecretWiring[];
  unwired: UnwiredSecret[];
  operators: OperatorPlan[];
  /** Chart.yaml dependencies not carried in charts/ (`helm dependency build` fetches them). */
  remoteDependencies: Dependency[];
  /** API versions the renders assumed: the configuration's plus those of operators installed first. */
  apiVersions: string[];
  renders: PreparedRender[];
  /** What the renders put into the cluster: namespaces, cluster-scoped kinds, CRDs, API groups served by others. */
  footprint: Footprint;
  warnings: string[];
}

const decoder = new TextDecoder();

/** The chart's values.schema.json parsed; undefined when it has none or it is not JSON. */
export function chartSchema(chart: Chart): unknown {
  try {
    return chart.schema ? JSON.parse(decoder.decode(chart.schema)) : undefined;
  } catch {
    return undefined;
  }
}

/** Sets a value in a document with a trailing comment on it. */
function setWithComment(doc: Document, path: readonly (string | number)[], value: unknown, comment: string): void {
  const node = doc.createNode(value);
  if (isScalar(node)) node.comment = ` ${comment}`;
  if (doc.contents === null || !isCollection(doc.contents)) doc.contents = doc.createNode({}) as never;
  doc.setIn(path, node);
}

/** Comments each value with where it came from (the nearest path with an origin). */
function commentOrigins(doc: Document, origins: Record<string, string>): void {
  const walk = (node: unknown, path: ValuePath, inherited: string | undefined) => {
    if (!isMap(node)) return;
    for (const pair of node.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const p = [...path, key];
      const own = origins[formatPath(p)];
      const origin = own ?? inherited;
      if (own !== undefined && own !== inherited) {
        if (isScalar(pair.value)) pair.value.comment = ` ${own}`;
        else if (isScalar(pair.key)) pair.key.comment = ` ${own}`;
      }
      walk(pair.value, p, origin);
    }
  };
  walk(doc.contents, [], undefined);
}

function remoteDependencies(chart: Chart): Dependency[] {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  return (chart.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null && !present.has(d.name));
}

/** Prepares a configuration of a chart for export; throws {@link ExportError} when it can't be read. */
export function prepareExport(chart: Chart, input: ChartroomConfig, opts: ExportOptions = {}): PreparedExport {
  const checked = validateConfig(input);
  if (!checked.ok) throw new ExportError(checked.message);
  const config = normalizeConfig(checked.config);
  if (config.chart.name !== chart.metadata.name) {
    throw new ExportError(`The configuration is for the chart "${config.chart.name}", not "${chart.metadata.name}".`);
  }
  const fields = schemaSecretFields(chartSchema(chart));
  const defaults = chartContext(chart).defaults;
  const warnings: string[] = [];
  const release = config.release.name;

  const files = [
    { label: 'values', text: config.values },
    ...(config.environments ?? []).map((e) => ({ label: `environments.${e.name}`, text: e.values })),
  ];
  let stripped, docs: Document[], userValues: Record<string, unknown>[];
  try {
    stripped = files.map((f) => stripSecretsFromText(f.text, fields));
    docs = stripped.map((s) => parseValuesDocument(s.text));
    // An environment without overrides is an empty map, not a file holding `null`.
    for (const d of docs) if (d.contents === null) d.contents = d.createNode({}) as never;
    userValues = files.map((f) => valuesOf(f.text));
  } catch (e) {
    throw new ExportError((e as Error).message);
  }

  // Secrets: user-named Secrets first, then one Secret per existing-Secret option for removed values.
  const wirings = new Map<string, SecretWiring & { candidates: SecretCandidate[]; setIn: Set<number> }>();
  const optionPaths = [...new Set(fields.flatMap((f) => (f.existingSecret ? [pathOf(f.existingSecret)] : [])))];
  for (const option of optionPaths) {
    const path = pathKeys(option);
    const named = userValues.map((v) => getIn(v, path)).find((v) => typeof v === 'string' && v !== '');
    if (typeof named === 'string') {
      wirings.set(option, { secretName: named, existingSecretPath: path, userNamed: true, keys: [], removed: [], candidates: [], setIn: new Set() });
    }
  }
  const unwired: UnwiredSecret[] = [];
  const removed: string[] = [];
  stripped.forEach((s, i) => {
    for (const p of s.removedPaths) {
      const label = `${files[i].label}: ${formatPath(p)}`;
      removed.push(label);
      const field = fieldForPath(p, fields);
      if (!field?.existingSecret) {
        unwired.push({ file: files[i].label, path: formatPath(p) });
        continue;
      }
      const option = pathOf(field.existingSecret);
      let w = wirings.get(option);
      if (!w) {
        w = { secretName: defaultSecretName(release, field.existingSecret), existingSecretPath: field.existingSecret, userNamed: false, keys: [], removed: [], candidates: [], setIn: new Set() };
        wirings.set(option, w);
      }
      w.removed.push(formatPath(p));
      w.candidates.push({ path: p, field, removed: true });
      if (!w.userNamed && !w.setIn.has(0) && !w.setIn.has(i)) {
        setWithComment(docs[i], field.existingSecret, w.secretName, 'Secret created outside the chart: see secrets.example.yaml');
        const createFlag = [...field.existingSecret.slice(0, -1), 'createSecret'];
        if (typeof getIn(defaults, createFlag) === 'boolean') setWithComment(docs[i], createFlag, false, 'the Secret above is created outside the chart');
        w.setIn.add(i);
      }
    }
  });
  for (const w of wirings.values()) {
    for (const f of fields) {
      if ((f.existingSecret ? pathOf(f.existingSecret) : undefined) !== pathOf(w.existingSecretPath) || f.path.includes('*')) continue;
      if (!w.candidates.some((c) => formatPath(c.path) === formatPath(f.path))) w.candidates.push({ path: f.path, field: f });
    }
  }

  const envs = config.environments ?? [];
  const renderAll = (texts: string[], apiVersions: string[]): (PreparedRender & { enabledMissing: Dependency[] })[] => {
    const sets = envs.length === 0 ? [{ env: undefined, files: [{ name: 'values.yaml', text: texts[0] }] }]
      : envs.map((e, i) => ({ env: e.name, files: [{ name: 'values.yaml', text: texts[0] }, { name: `values-${e.name}.yaml`, text: texts[i + 1] }] }));
    return sets.map(({ env, files: fs }) => {
      try {
        const namespace = envs.find((e) => e.name === env)?.namespace ?? config.release.namespace;
        const recorder = gitopsCallRecorder();
        const { result, enabledMissing } = renderValuesFiles(chart, { ...config, release: { ...config.release, namespace } }, fs, apiVersions, recorder.observer);
        const gitops = gitopsFindings(chart, recorder.calls, result.values, manifestDocs(result));
        return { environment: env, files: fs, result, objects: renderedObjects(result), enabledMissing, gitops };
      } catch (e) {
        return { environment: env, files: fs, objects: [], error: (e as Error).message, enabledMissing: [], gitops: [] };
      }
    });
  };

  // Operators: rendered once to see which dependencies and APIs this configuration uses.
  const first = renderAll(docs.map((d) => d.toString()), config.apiVersions ?? []);
  const enabledMissing = first.flatMap((r) => r.enabledMissing);
  const namespaces = [config.release.namespace, ...envs.map((e) => e.namespace ?? config.release.namespace)];
  const plans = planOperators(chart, enabledMissing, footprintOf(first, namespaces).externalGroups.map((g) => g.group));
  const operators: OperatorPlan[] = [];
  for (const plan of plans) {
    if (plan.dependency) {
      const path = plan.dependency.disablePath;
      const userSet = userValues.some((v) => getIn(v, path) !== undefined);
      if (opts.separateOperators === false || userSet) continue;
      setWithComment(docs[0], path, false, `${plan.operator.title} is installed before the release (see README)`);
    }
    operators.push(plan);
  }
  if (opts.origins) commentOrigins(docs[0], opts.origins);
  const header = `${chart.metadata.name} ${chart.metadata.version}: the values that differ from the chart defaults.`;
  docs[0].commentBefore = docs[0].commentBefore ? `${header}\n${docs[0].commentBefore}` : ` ${header}`;
  envs.forEach((e, i) => {
    const h = ` Environment "${e.name}": applied over values.yaml (helm -f values.yaml -f values-${e.name}.yaml).`;
    docs[i + 1].commentBefore = docs[i + 1].commentBefore ? `${h}\n${docs[i + 1].commentBefore}` : h;
  });
  const texts = docs.map((d) => d.toString());

  const apiVersions = [...new Set([...(config.apiVersions ?? []), ...operators.flatMap((p) => p.operator.apiVersions)])];
  const renders = renderAll(texts, apiVersions).map(({ enabledMissing: _missing, ...r }) => r);
  for (const r of renders) if (r.error) warnings.push(`${r.environment ? `Environment "${r.environment}"` : 'The configuration'} does not render: ${r.error}`);

  const refs = renders.map((r) => secretReferences(r.objects));
  const secrets: SecretWiring[] = [...wirings.values()].map(({ candidates, setIn: _setIn, ...w }) => {
    const referenced = refs.flatMap((r) => r.keys.filter((k) => k.name === w.secretName).map((k) => k.key));
    return { ...w, keys: secretKeys(referenced, candidates) };
  });

  const { config: shareable } = withoutSecrets(config, fields);
  return {
    chart,
    config: normalizeConfig(shareable),
    valuesText: texts[0],
    environments: envs.map((e, i) => ({ name: e.name, namespace: e.namespace, fileName: `values-${e.name}.yaml`, text: texts[i + 1] })),
    removed,
    secrets,
    unwired,
    operators,
    remoteDependencies: remoteDependencies(chart),
    apiVersions,
    renders,
    footprint: footprintOf(renders, namespaces),
    warnings,
  };
}
