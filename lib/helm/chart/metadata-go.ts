/**
 * What templates see of a chart's metadata: `*chart.Metadata` (the `Chart` entry that
 * chartutil.ToRenderValues puts in the top-level object) and the per-chart
 * `struct { chart.Metadata; IsRoot bool }` that Helm's engine hands each template as `.Chart`.
 */
import { GoStruct, stringSlice, withType, type GoMap, type GoValue, goNil } from '../../go';
import type { Chart, Dependency, Maintainer, Metadata } from './chart';
import { isRoot } from './chart';
import { jsonMembers, makeStruct, type FieldSpec, type JsonTypeInfo } from './gostruct';

function strings(list: string[] | undefined): GoValue {
  return list === undefined ? goNil([], '[]string') : stringSlice([...list]);
}

function maintainerToGo(m: Maintainer | null): GoValue {
  if (m === null) return null;
  return makeStruct(
    { name: '*chart.Maintainer' },
    [
      ['Name', m.name, 'name,omitempty'],
      ['Email', m.email, 'email,omitempty'],
      ['URL', m.url, 'url,omitempty'],
    ],
    true,
  );
}

/** `*chart.Dependency` as templates see it. */
export function dependencyToGo(d: Dependency | null): GoValue {
  if (d === null) return null;
  return makeStruct(
    { name: '*chart.Dependency' },
    [
      ['Name', d.name, 'name'],
      ['Version', d.version, 'version,omitempty'],
      ['Repository', d.repository, 'repository'],
      ['Condition', d.condition, 'condition,omitempty'],
      ['Tags', strings(d.tags), 'tags,omitempty'],
      ['Enabled', d.enabled, 'enabled,omitempty'],
      ['ImportValues', d.importValues === undefined ? goNil([], '[]interface {}') : [...d.importValues], 'import-values,omitempty'],
      ['Alias', d.alias, 'alias,omitempty'],
    ],
    true,
  );
}

/** The fields of chart.Metadata in declaration order, with their json tags. */
function metadataFields(md: Metadata): FieldSpec[] {
  let annotations: GoMap;
  if (md.annotations === undefined) annotations = goNil(new Map(), 'map[string]string');
  else annotations = withType(new Map<string, GoValue>(md.annotations), { name: 'map[string]string' });
  const list = <T>(items: T[] | undefined, type: string, conv: (x: T) => GoValue): GoValue =>
    items === undefined ? goNil([], type) : withType(items.map(conv), { name: type });
  return [
    ['Name', md.name, 'name,omitempty'],
    ['Home', md.home, 'home,omitempty'],
    ['Sources', strings(md.sources), 'sources,omitempty'],
    ['Version', md.version, 'version,omitempty'],
    ['Description', md.description, 'description,omitempty'],
    ['Keywords', strings(md.keywords), 'keywords,omitempty'],
    ['Maintainers', list(md.maintainers, '[]*chart.Maintainer', maintainerToGo), 'maintainers,omitempty'],
    ['Icon', md.icon, 'icon,omitempty'],
    ['APIVersion', md.apiVersion, 'apiVersion,omitempty'],
    ['Condition', md.condition, 'condition,omitempty'],
    ['Tags', md.tags, 'tags,omitempty'],
    ['AppVersion', md.appVersion, 'appVersion,omitempty'],
    ['Deprecated', md.deprecated, 'deprecated,omitempty'],
    ['Annotations', annotations, 'annotations,omitempty'],
    ['KubeVersion', md.kubeVersion, 'kubeVersion,omitempty'],
    ['Dependencies', list(md.dependencies, '[]*chart.Dependency', dependencyToGo), 'dependencies,omitempty'],
    ['Type', md.type, 'type,omitempty'],
  ];
}

/** `*chart.Metadata`, as chartutil.ToRenderValues stores it under `Chart`. */
export function metadataToGo(md: Metadata): GoStruct {
  return makeStruct({ name: '*chart.Metadata' }, metadataFields(md), true);
}

/**
 * Helm 4's structToMap: a struct becomes a map of its Go field names, nested structs and
 * pointers to them become maps too, every slice becomes `[]interface {}`; other values (strings,
 * the annotations' `map[string]string`) stay as they are.
 */
function structToMap(s: GoStruct): GoMap {
  const out: GoMap = new Map();
  for (const [name, v] of s.fields) out.set(name, fieldToMapValue(v));
  return out;
}

function fieldToMapValue(v: GoValue): GoValue {
  if (v instanceof GoStruct) return structToMap(v);
  if (Array.isArray(v)) return v.map((x) => (x instanceof GoStruct ? structToMap(x) : x));
  return v;
}

/** Helm 4's MetadataAsMap: chart.Metadata as a `map[string]interface {}`. */
export function metadataAsMap(md: Metadata): GoMap {
  return structToMap(metadataToGo(md));
}

/**
 * `.Chart` inside a template under Helm 4: MetadataAsMap plus `IsRoot`, so unknown fields read
 * as missing keys and `%v`/toJson show a sorted map of Go field names.
 */
export function chartMapForTemplate(c: Chart): GoMap {
  const m = metadataAsMap(c.metadata);
  m.set('IsRoot', isRoot(c));
  return m;
}

/**
 * `.Chart` inside a template: Helm's engine passes `struct { chart.Metadata; IsRoot bool }`,
 * so Metadata's fields are promoted (`.Chart.Name`) beside `.Chart.IsRoot`, fmt prints the
 * embedded struct in braces (`{{name ...} true}`, each field with the verb given) and toJson
 * merges both levels.
 */
export function chartValueForTemplate(c: Chart): GoStruct {
  const specs = metadataFields(c.metadata);
  const root = isRoot(c);
  const metadata = makeStruct({ name: 'chart.Metadata' }, specs, false);
  const info: JsonTypeInfo = {
    name: 'struct { chart.Metadata; IsRoot bool }',
    embedded: ['Metadata'],
    jsonFields: () => [...jsonMembers(specs), ['IsRoot', root]],
  };
  return new GoStruct(info, [['Metadata', metadata], ['IsRoot', root]], false);
}
