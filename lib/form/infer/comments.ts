/**
 * What values.yaml comments say about a key, in the formats charts use:
 * - helm-docs: `# -- text` above a key (continued by the `#` lines after it), `# (type) text`,
 *   `# @default -- text`, `# @section -- name`, `# @ignored`, and the older `# path -- text`
 *   anywhere in the file;
 * - Bitnami's readme-generator: `## @param path [modifiers] text`, `## @section Title`,
 *   `## @skip path`, anywhere in the file;
 * - helm-schema: a YAML block between two `# @schema` lines above a key;
 * - helm-values-schema-json: `# @schema key:value;key:value` above, after or below a key;
 * - otherwise a plain prose comment directly above the key.
 */
import { parse as parseYaml } from 'yaml';
import type { JsonSchema, JsonType } from '../schema';

/** Everything the comments say about one values path. */
export interface KeyDoc {
  description?: string;
  section?: string;
  /** Types a comment declares (helm-docs `(type)`, Bitnami modifiers). */
  types?: JsonType[];
  /** Keywords from `@schema` annotations. */
  schema?: JsonSchema;
  /** Choices a comment lists ("One of: a, b, c"). */
  choices?: string[];
  /** Marked to leave out of documentation (`@ignored`, `@skip`): the field is advanced. */
  skipped?: boolean;
  /** The description is a prose comment, not written in a documentation convention. */
  plain?: boolean;
}

const HELM_DOCS_TYPES: Record<string, JsonType[]> = {
  string: ['string'],
  int: ['integer'],
  integer: ['integer'],
  float: ['number'],
  number: ['number'],
  bool: ['boolean'],
  boolean: ['boolean'],
  list: ['array'],
  array: ['array'],
  object: ['object'],
  dict: ['object'],
  map: ['object'],
};

const JSON_TYPES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** The comment text of a line (`#` and one space removed), or null for a non-comment line. */
function commentText(line: string): string | null {
  const m = /^\s*#+ ?(.*)$/.exec(line);
  return m ? m[1].replace(/\s+$/, '') : null;
}

/** The contiguous comment lines directly above line index `at` (0-based), top first. */
export function commentBlockAbove(lines: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    if (!/^\s*#/.test(lines[i])) break;
    out.unshift(lines[i]);
  }
  return out;
}

/** `key:value;key:value` of helm-values-schema-json, each value read as YAML flow text. */
export function parseInlineSchema(text: string): JsonSchema {
  const out: JsonSchema = {};
  for (const part of text.split(';')) {
    const m = /^\s*([A-Za-z$][\w$]*)\s*(?::\s*(.*?))?\s*$/.exec(part);
    if (!m) continue;
    const [, key, raw] = m;
    let value: unknown = true;
    if (raw !== undefined && raw !== '') {
      try {
        value = key === 'pattern' || key === 'description' || key === 'title' ? raw : parseYaml(raw);
      } catch {
        value = raw;
      }
    }
    if (key === 'nullable') {
      out.nullable = value === true;
    } else if (key === 'item') {
      out.items = { type: value as JsonType };
    } else if (key === 'itemProperties' && isRecord(value)) {
      out.items = { type: 'object', properties: value as Record<string, JsonSchema> };
    } else if (key === 'required') {
      // A key required by its parent: the chart's defaults always set it, so nothing to check.
    } else if (key === 'hidden' || key === 'skipProperties') {
      out[`x-${key}`] = value;
    } else {
      out[key] = value;
    }
  }
  return normalizeTypes(out);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** YAML reads `type: [string, null]` with a null item; JSON Schema means the type named "null". */
function normalizeTypes(schema: JsonSchema): JsonSchema {
  const t = schema.type as unknown;
  if (t === null) return { ...schema, type: 'null' };
  if (Array.isArray(t)) return { ...schema, type: t.map((x) => (x === null ? 'null' : x)) as JsonType[] };
  return schema;
}

/** Keywords of a helm-schema `@schema` block; its `required: true` (a parent's concern) is dropped. */
function blockSchema(body: string[]): JsonSchema | undefined {
  try {
    const parsed = parseYaml(body.join('\n')) as unknown;
    if (!isRecord(parsed)) return undefined;
    const out: JsonSchema = { ...parsed };
    if (typeof out.required === 'boolean') delete out.required;
    return normalizeTypes(out);
  } catch {
    return undefined;
  }
}

/** Words listing the allowed values of a setting, as chart comments write them. */
const CHOICE_INTRO = /\b(?:one of|options are|options|allowed values(?: are)?|possible values(?: are)?|valid values(?: are)?|supported values(?: are)?|valid options(?: are)?|must be(?: either)?|can be(?: either)?)\s*:?\s*([^.;\n]*)/i;

/** Choices a description lists (`One of: a, b, c`, `can be "x" or "y"`), or undefined. */
export function choicesIn(description: string): string[] | undefined {
  const m = CHOICE_INTRO.exec(description);
  if (!m) return undefined;
  const items = m[1]
    .split(/\s*(?:,|\bor\b|\||\/)\s*/)
    .map((s) => s.trim().replace(/^and\s+/, ''))
    .filter(Boolean);
  const choices: string[] = [];
  for (const item of items) {
    const q = /^[`"']([^`"']+)[`"']$/.exec(item);
    const word = q ? q[1] : item;
    // Only a list of bare tokens is a list of choices; prose ("can be set to the URL") is not.
    if (!/^[A-Za-z0-9_.:\-]+$/.test(word)) return undefined;
    choices.push(word);
  }
  return choices.length >= 2 ? choices : undefined;
}

/** A prose comment above a key, without commented-out YAML and separators. */
function plainDescription(block: string[]): string | undefined {
  const out: string[] = [];
  for (const line of block) {
    const text = commentText(line);
    if (text === null) continue;
    if (/^\s*$/.test(text)) {
      if (out.length) break;
      continue;
    }
    // Commented-out values and templates are examples, not prose.
    if (/^\s+\S/.test(text) || /^[\w.\-/"]+:(\s|$)/.test(text) || /^-\s/.test(text) || /{{/.test(text)) break;
    if (/^[-=#*~\s]+$/.test(text)) continue;
    if (/^@/.test(text)) continue;
    out.push(text.trim());
  }
  const text = out.join(' ').trim();
  return text || undefined;
}

/** Reads the comment block directly above a key (and a `# @schema` comment on its line). */
export function readKeyComments(block: string[], sameLine?: string): KeyDoc {
  const doc: KeyDoc = {};
  const rest: string[] = [];
  let schema: JsonSchema | undefined;
  let helmDocs: string[] | undefined;
  let inHelmDocs = false;
  for (let i = 0; i < block.length; i++) {
    const text = commentText(block[i]);
    if (text === null) continue;
    if (/^\s*@schema\s*$/.test(text)) {
      const body: string[] = [];
      let j = i + 1;
      for (; j < block.length; j++) {
        const t = commentText(block[j]);
        if (t !== null && /^\s*@schema\s*$/.test(t)) break;
        body.push(t ?? '');
      }
      const parsed = blockSchema(body);
      if (parsed) schema = { ...schema, ...parsed };
      i = j;
      inHelmDocs = false;
      continue;
    }
    const inline = /^\s*@schema\s+(.+)$/.exec(text);
    if (inline) {
      schema = { ...schema, ...parseInlineSchema(inline[1]) };
      continue;
    }
    const section = /^\s*@section\s+--\s*(.+)$/.exec(text);
    if (section) {
      doc.section = section[1].trim();
      continue;
    }
    const dflt = /^\s*@default\s+--\s*(.+)$/.exec(text);
    if (dflt) {
      inHelmDocs = false;
      continue;
    }
    if (/^\s*@ignored?\b/.test(text)) {
      doc.skipped = true;
      continue;
    }
    if (/^\s*@(raw|notationType)\b/.test(text)) continue;
    const start = /^\s*--\s?(.*)$/.exec(text);
    if (start) {
      helmDocs = [start[1]];
      inHelmDocs = true;
      continue;
    }
    if (inHelmDocs && helmDocs) {
      helmDocs.push(text.trim());
      continue;
    }
    rest.push(block[i]);
  }
  if (sameLine) {
    const m = /#\s*@schema\s+(.+)$/.exec(sameLine);
    if (m) schema = { ...schema, ...parseInlineSchema(m[1]) };
  }
  if (helmDocs) {
    let text = helmDocs.join(' ').replace(/\s+/g, ' ').trim();
    const typed = /^\(([\w/]+)\)\s*(.*)$/.exec(text);
    if (typed) {
      const types = HELM_DOCS_TYPES[typed[1].toLowerCase()];
      if (types) doc.types = types;
      text = typed[2];
    }
    if (text) doc.description = text;
  } else {
    const plain = plainDescription(rest);
    if (plain) {
      doc.description = plain;
      doc.plain = true;
    }
  }
  if (schema) doc.schema = schema;
  if (doc.description) {
    const choices = choicesIn(doc.description);
    if (choices) doc.choices = choices;
  }
  return doc;
}

/** Bitnami modifiers (`[array]`, `[string, nullable]`) → types. */
function bitnamiTypes(mods: string): JsonType[] | undefined {
  const types: JsonType[] = [];
  for (const m of mods.split(',').map((s) => s.trim())) {
    if (m === 'nullable') types.push('null');
    else if (JSON_TYPES.includes(m)) types.push(m as JsonType);
  }
  return types.length ? types : undefined;
}

/** Documentation a file gives by path, anywhere in it, and the sections in file order. */
export interface FileDocs {
  byPath: Map<string, KeyDoc>;
  sections: string[];
  /** The file documents keys in the Bitnami or helm-docs style (prose comments are then not descriptions). */
  styled: boolean;
}

/** Bitnami `## @param` lines and helm-docs `# path -- text` lines anywhere in the file. */
export function readFileDocs(lines: readonly string[]): FileDocs {
  const byPath = new Map<string, KeyDoc>();
  const sections: string[] = [];
  let section: string | undefined;
  let styled = false;
  const at = (path: string): KeyDoc => {
    let d = byPath.get(path);
    if (!d) byPath.set(path, (d = {}));
    return d;
  };
  for (const line of lines) {
    const text = commentText(line);
    if (text === null) continue;
    if (/^\s*--\s/.test(text)) styled = true;
    const sec = /^\s*@section\s+(?!--)(.+)$/.exec(text);
    if (sec) {
      section = sec[1].trim();
      if (!sections.includes(section)) sections.push(section);
      styled = true;
      continue;
    }
    const helmDocsSection = /^\s*@section\s+--\s*(.+)$/.exec(text);
    if (helmDocsSection) {
      const name = helmDocsSection[1].trim();
      if (!sections.includes(name)) sections.push(name);
      continue;
    }
    const param = /^\s*@(param|extra)\s+(\S+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
    if (param) {
      styled = true;
      const d = at(param[2]);
      if (param[4]) d.description = param[4].trim();
      const types = param[3] ? bitnamiTypes(param[3]) : undefined;
      if (types) d.types = types;
      if (section) d.section = section;
      continue;
    }
    const skip = /^\s*@skip\s+(\S+)/.exec(text);
    if (skip) {
      styled = true;
      const d = at(skip[1]);
      d.skipped = true;
      if (section) d.section ??= section;
      continue;
    }
    const old = /^\s*([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])+|[A-Za-z_][\w-]*)\s+--\s+(.+)$/.exec(text);
    if (old) {
      styled = true;
      at(old[1]).description = old[2].trim();
    }
  }
  return { byPath, sections, styled };
}
