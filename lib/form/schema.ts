/**
 * The slice of JSON Schema draft-07 the form reads, plus `x-chartroom` hints
 * (docs/form-hints.md) and `$ref`/`allOf` flattening for form purposes.
 */

/** A JSON Schema node as the form reads it; unknown keywords pass through. */
export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  allOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  'x-chartroom'?: ChartroomHints;
  [keyword: string]: unknown;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Widgets a schema may ask for explicitly through `x-chartroom.widget`. */
export type HintWidget = 'textarea' | 'switch' | 'select' | 'key-value' | 'list';

/** Kinds of secret `generateSecret` can make. */
export type SecretKind = 'password' | 'base64-32' | 'hex-32';

/** One option of a Bundled/External switch. */
export interface ModeOption {
  value: unknown;
  label: string;
  /** Children shown while this option is selected. */
  show: string[];
}

/** A Bundled/External switch on an object: `field` is the boolean child it sets. */
export interface ModeSpec {
  field: string;
  options: ModeOption[];
}

/** A section declared on the root schema. */
export interface SectionHint {
  id: string;
  title?: string;
  description?: string;
}

/** The `x-chartroom` keyword. */
export interface ChartroomHints {
  sections?: SectionHint[];
  section?: string;
  order?: number;
  advanced?: boolean;
  hidden?: boolean;
  secret?: boolean;
  generate?: SecretKind;
  existingSecret?: string;
  widget?: HintWidget;
  placeholder?: string;
  mode?: ModeSpec;
}

const HINT_WIDGETS: readonly string[] = ['textarea', 'switch', 'select', 'key-value', 'list'];
const SECRET_KINDS: readonly string[] = ['password', 'base64-32', 'hex-32'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The node's hints with every malformed entry dropped, so a typo never breaks the form. */
export function readHints(node: JsonSchema): ChartroomHints {
  const raw = node['x-chartroom'];
  if (!isRecord(raw)) return {};
  const hints: ChartroomHints = {};
  if (Array.isArray(raw.sections)) {
    hints.sections = raw.sections.filter(
      (s): s is SectionHint => isRecord(s) && typeof s.id === 'string',
    );
  }
  if (typeof raw.section === 'string') hints.section = raw.section;
  if (typeof raw.order === 'number' && Number.isFinite(raw.order)) hints.order = raw.order;
  if (raw.advanced === true) hints.advanced = true;
  if (raw.hidden === true) hints.hidden = true;
  if (raw.secret === true) hints.secret = true;
  if (typeof raw.generate === 'string' && SECRET_KINDS.includes(raw.generate)) {
    hints.generate = raw.generate as SecretKind;
  }
  if (typeof raw.existingSecret === 'string' && raw.existingSecret) {
    hints.existingSecret = raw.existingSecret;
  }
  if (typeof raw.widget === 'string' && HINT_WIDGETS.includes(raw.widget)) {
    hints.widget = raw.widget as HintWidget;
  }
  if (typeof raw.placeholder === 'string') hints.placeholder = raw.placeholder;
  const mode = raw.mode;
  if (isRecord(mode) && typeof mode.field === 'string' && Array.isArray(mode.options)) {
    const options = mode.options
      .filter((o): o is Record<string, unknown> => isRecord(o) && 'value' in o)
      .map((o) => ({
        value: o.value,
        label: typeof o.label === 'string' ? o.label : String(o.value),
        show: Array.isArray(o.show) ? o.show.filter((s): s is string => typeof s === 'string') : [],
      }));
    if (options.length >= 2) hints.mode = { field: mode.field, options };
  }
  return hints;
}

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`, any JSON pointer into the root). */
function lookupRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return isRecord(node) ? (node as JsonSchema) : undefined;
}

/**
 * The node as the form sees it: `$ref` replaced by its target (keywords beside the `$ref`,
 * such as title and hints, win) and the `properties`/`required` of `allOf` members merged in.
 * Validation still uses the original schema; this only shapes the form.
 */
export function resolveNode(root: JsonSchema, node: JsonSchema, depth = 0): JsonSchema {
  let out = node;
  if (typeof node.$ref === 'string' && depth < 32) {
    const target = lookupRef(root, node.$ref);
    if (target) {
      const { $ref: _ref, ...siblings } = node;
      out = { ...resolveNode(root, target, depth + 1), ...siblings };
    }
  }
  if (Array.isArray(out.allOf)) {
    let properties = out.properties;
    let required = out.required;
    for (const member of out.allOf) {
      if (!isRecord(member)) continue;
      const m = resolveNode(root, member as JsonSchema, depth + 1);
      if (m.properties) properties = { ...m.properties, ...properties };
      if (m.required) required = [...(required ?? []), ...m.required];
    }
    out = { ...out, properties, required };
  }
  return out;
}

/** The node's declared types; inferred from `enum`, `const` or `default` when `type` is missing. */
export function typesOf(node: JsonSchema): JsonType[] {
  if (Array.isArray(node.type)) return node.type;
  if (typeof node.type === 'string') return [node.type];
  if (node.properties || isRecord(node.additionalProperties)) return ['object'];
  if (node.items) return ['array'];
  const sample = node.enum?.[0] ?? node.const ?? node.default;
  if (sample === undefined) return [];
  if (sample === null) return ['null'];
  if (Array.isArray(sample)) return ['array'];
  if (typeof sample === 'number') return [Number.isInteger(sample) ? 'integer' : 'number'];
  if (typeof sample === 'object') return ['object'];
  return [typeof sample as JsonType];
}
