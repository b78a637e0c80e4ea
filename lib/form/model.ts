/**
 * buildFormModel: a chart's values.schema.json turned into sections of typed fields, so a new
 * chart gets a form from its schema and hints alone.
 */
import {
  readHints,
  resolveNode,
  typesOf,
  type JsonSchema,
  type JsonType,
  type ModeSpec,
  type SecretKind,
} from './schema';
import { keywordsNotShown } from './drafts';
import { decodeEntities } from './entities';
import { dottedPath } from './paths';
import { pathKeys } from '../helm';

/**
 * How a field is edited.
 * `yaml` edits a value the schema leaves open (an object without properties, a list of
 * untyped objects) as YAML text; `tristate` is a boolean that may also stay unset.
 */
export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'switch'
  | 'tristate'
  | 'select'
  | 'list'
  | 'key-value'
  | 'object'
  | 'array'
  | 'yaml';

/** One option of a select. */
export interface EnumOption {
  value: unknown;
  label: string;
}

/** One field of the form; containers (`object`, `array`) carry their children. */
export interface FormField {
  /** Property name inside its parent. */
  key: string;
  /** Values path from the root; inside an array item it is relative to the item. */
  path: string[];
  /** `path` joined with dots: the key of `validateValues` errors and of DOM ids. */
  id: string;
  label: string;
  /** Labels of the enclosing fields below the section, outermost first (`['Image']` for `image.repository`). */
  context: string[];
  help?: string;
  placeholder?: string;
  widget: Widget;
  /** Types the value may take, from the schema (`integer` stays distinct from `number`). */
  types: JsonType[];
  /** Listed in the parent's `required`. */
  required: boolean;
  advanced: boolean;
  hidden: boolean;
  secret: boolean;
  generate?: SecretKind;
  /** Values path of the matching existing-Secret option. */
  existingSecret?: string[];
  /** Bundled/External switch of an object field. */
  mode?: ModeSpec;
  options?: EnumOption[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Children of an `object` field, in display order. */
  children?: FormField[];
  /** Fields of one item of an `array` field (paths relative to the item). */
  itemFields?: FormField[];
  /** Scalar types of `list` items or `key-value` values. */
  itemTypes?: JsonType[];
  /** Rules of the schema on this value that the form cannot show (`oneOf`, `if`…); checked on render. */
  unshown?: string[];
  /** Section-level object rendered without its own fieldset. */
  flatten?: boolean;
  /** The resolved schema node, for anything the model does not lift out. */
  schema: JsonSchema;
}

/** One section of the form, shown under its own heading. */
export interface FormSection {
  id: string;
  title: string;
  description?: string;
  fields: FormField[];
}

/** The whole form: sections plus every field (array items excluded) by id. */
export interface FormModel {
  title?: string;
  sections: FormSection[];
  fieldsById: Map<string, FormField>;
}

const SCALARS: readonly JsonType[] = ['string', 'number', 'integer', 'boolean', 'null'];

function isScalarTypes(types: JsonType[]): boolean {
  return types.length > 0 && types.every((t) => SCALARS.includes(t));
}

// Words that read wrong in sentence case (`cpu` → `CPU`).
const ACRONYMS = new Set(['api', 'cpu', 'dns', 'gpu', 'http', 'https', 'id', 'ip', 'tls', 'ttl', 'uid', 'gid', 'url', 'uri']);

/** `imagePullPolicy` → `Image pull policy`, for properties without a title. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/[-_.]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/);
  const text = words
    .map((w, i) => {
      if (ACRONYMS.has(w.toLowerCase())) return w.toUpperCase();
      return i === 0 || /^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase();
    })
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function enumLabel(value: unknown): string {
  if (value === '') return '(none)';
  if (value === null) return '(null)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function scalarItemTypes(root: JsonSchema, node: JsonSchema | boolean | JsonSchema[] | undefined): JsonType[] | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const types = typesOf(resolveNode(root, node));
  return isScalarTypes(types) ? types : undefined;
}

interface BuildContext {
  root: JsonSchema;
  byId: Map<string, FormField> | undefined;
  depth: number;
}

function pickWidget(root: JsonSchema, node: JsonSchema, types: JsonType[]): Pick<FormField, 'widget' | 'itemTypes'> {
  const hint = readHints(node).widget;
  const has = (t: JsonType) => types.includes(t);
  if (has('object') && !has('array')) {
    if (node.properties && Object.keys(node.properties).length > 0) return { widget: 'object' };
    const valueTypes = scalarItemTypes(root, node.additionalProperties);
    if (valueTypes || hint === 'key-value') return { widget: 'key-value', itemTypes: valueTypes ?? ['string'] };
    return { widget: 'yaml' };
  }
  if (has('array') && types.length === 1) {
    const items = Array.isArray(node.items) ? undefined : node.items;
    const itemTypes = scalarItemTypes(root, items);
    if (itemTypes || hint === 'list') return { widget: 'list', itemTypes: itemTypes ?? ['string'] };
    const item = items ? resolveNode(root, items) : undefined;
    if (item?.properties && Object.keys(item.properties).length > 0) return { widget: 'array' };
    return { widget: 'yaml' };
  }
  if (!isScalarTypes(types)) return { widget: 'yaml' };
  if (Array.isArray(node.enum) && node.enum.length > 0) return { widget: 'select' };
  if (types.length === 1 && types[0] === 'boolean') {
    if (hint === 'switch' || node.default !== undefined) return { widget: 'switch' };
    return { widget: 'tristate' };
  }
  if (types.includes('string')) return { widget: hint === 'textarea' ? 'textarea' : 'text' };
  if (types.includes('number')) return { widget: 'number' };
  if (types.includes('integer')) return { widget: 'integer' };
  return { widget: 'text' };
}

function orderedChildren(
  ctx: BuildContext,
  node: JsonSchema,
  parentPath: string[],
): FormField[] {
  const props = node.properties ?? {};
  const required = new Set(node.required ?? []);
  const fields = Object.entries(props).map(([key, child]) =>
    buildField(ctx, key, child, [...parentPath, key], required.has(key)),
  );
  return sortByOrder(fields);
}

/** Stable sort by the `order` hint; fields without one keep key order after ordered ones of equal rank. */
function sortByOrder(fields: FormField[]): FormField[] {
  const rank = (f: FormField) => readHints(f.schema).order ?? Number.POSITIVE_INFINITY;
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

function buildField(
  ctx: BuildContext,
  key: string,
  raw: JsonSchema,
  path: string[],
  required: boolean,
): FormField {
  const node = resolveNode(ctx.root, typeof raw === 'object' && raw !== null ? raw : {});
  const hints = readHints(node);
  const types = typesOf(node);
  const { widget, itemTypes } = pickWidget(ctx.root, node, types);
  const field: FormField = {
    key,
    path,
    id: dottedPath(path),
    label: typeof node.title === 'string' ? decodeEntities(node.title) : humanizeKey(key),
    context: [],
    help: typeof node.description === 'string' ? decodeEntities(node.description) : undefined,
    placeholder: hints.placeholder,
    widget,
    types,
    required,
    advanced: hints.advanced === true,
    hidden: hints.hidden === true,
    secret: hints.secret === true,
    schema: node,
  };
  const unshown = keywordsNotShown(node);
  if (unshown.length) field.unshown = unshown;
  if (hints.generate) field.generate = hints.generate;
  if (hints.existingSecret) field.existingSecret = pathKeys(hints.existingSecret);
  if (node.default !== undefined) field.default = node.default;
  if (itemTypes) field.itemTypes = itemTypes;
  for (const k of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) {
    if (typeof node[k] === 'number') field[k] = node[k];
  }
  if (typeof node.pattern === 'string') field.pattern = node.pattern;
  if (widget === 'select') field.options = (node.enum ?? []).map((v) => ({ value: v, label: enumLabel(v) }));
  ctx.byId?.set(field.id, field);
  if (ctx.depth > 24) return field;
  const deeper = { ...ctx, depth: ctx.depth + 1 };
  if (widget === 'object') {
    field.children = orderedChildren(deeper, node, path);
    const mode = hints.mode;
    if (mode && field.children.some((c) => c.key === mode.field)) field.mode = mode;
  } else if (widget === 'array') {
    const item = resolveNode(ctx.root, node.items as JsonSchema);
    field.itemFields = orderedChildren({ ...deeper, byId: undefined }, item, []);
  }
  return field;
}

/** Labels of enclosing fields, so `Repository` reads `Image › Repository` wherever it is shown. */
function setContext(field: FormField, context: string[], isSection: boolean): void {
  field.context = context;
  const inner = isSection ? context : [...context, field.label];
  for (const child of field.children ?? []) setContext(child, inner, false);
  for (const child of field.itemFields ?? []) setContext(child, [], false);
}

/** A field's label with its context: `Image › Repository`. */
export function contextLabel(field: FormField): string {
  return [...field.context, field.label].join(' › ');
}

/**
 * Builds the form of a chart from its values.schema.json: declared sections in order, then one
 * section per top-level property that names none; inside, fields by `order` then key order.
 */
export function buildFormModel(schema: JsonSchema): FormModel {
  const root = resolveNode(schema, schema);
  const byId = new Map<string, FormField>();
  const ctx: BuildContext = { root: schema, byId, depth: 0 };
  const topFields = orderedChildren(ctx, root, []);
  const declared = readHints(root).sections ?? [];
  const sections: FormSection[] = declared.map((s) => ({
    id: s.id,
    title: decodeEntities(s.title ?? humanizeKey(s.id)),
    description: s.description === undefined ? undefined : decodeEntities(s.description),
    fields: [],
  }));
  const byKey = new Map(sections.map((s) => [s.id, s]));
  // topFields are sorted by `order` already, so every section receives its fields in order.
  for (const field of topFields) {
    const wanted = readHints(field.schema).section;
    let section = (wanted !== undefined ? byKey.get(wanted) : undefined) ?? byKey.get(field.key);
    if (!section) {
      section = { id: field.key, title: field.label, description: field.help, fields: [] };
      sections.push(section);
      byKey.set(field.key, section);
    }
    section.fields.push(field);
  }
  for (const section of sections) {
    const own = section.fields.find((f) => f.key === section.id && f.widget === 'object');
    if (own && section.fields.length === 1) own.flatten = true;
    else if (own && !section.fields.some((f) => f !== own && !f.advanced)) own.flatten = true;
    for (const field of section.fields) setContext(field, [], field === own);
  }
  return {
    title: typeof root.title === 'string' ? decodeEntities(root.title) : undefined,
    sections: sections.filter((s) => s.fields.length > 0),
    fieldsById: byId,
  };
}
