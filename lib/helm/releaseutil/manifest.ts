import { unmarshalYamlToStrings, type StringTarget } from '../../yaml';
import type { GoValue } from '../../go';
import { headAfterValueChanges, readSimpleHead } from './simple-head';

/** The head of a manifest that Helm reads to sort it (releaseutil.SimpleHead). */
export interface SimpleHead {
  apiVersion: string;
  kind: string;
  metadata?: { name: string; annotations?: Record<string, string> };
}

/** A rendered Kubernetes document and the template file it came from. */
export interface Manifest {
  /** Template path, e.g. `mychart/templates/deployment.yaml`. */
  name: string;
  content: string;
  head: SimpleHead;
}

/**
 * Reads a document's head the way `yaml.Unmarshal(doc, &SimpleHead{})` does: YAML → JSON →
 * encoding/json into the struct, so field names match case-insensitively, a number or boolean
 * where the struct has a string is taken as its text (`helm.sh/hook-weight: 5`), and a map or
 * list there is an error.
 */
export function readHead(doc: string): SimpleHead {
  const hit = heads.get(doc);
  if (hit !== undefined) {
    if (hit instanceof Error) throw hit;
    return hit;
  }
  let head: SimpleHead | Error;
  try {
    const simple = readSimpleHead(doc);
    if (simple) fromScanner.add(simple);
    head = simple ?? parseHead(doc);
  } catch (e) {
    head = e as Error;
  }
  if (heads.size >= MAX_HEADS) heads.delete(heads.keys().next().value!);
  heads.set(doc, head);
  if (head instanceof Error) throw head;
  return head;
}

/** Heads of documents the line scanner accepted (readHeadAfter builds on those only). */
const fromScanner = new WeakSet<SimpleHead>();

/**
 * The head of `doc`, a new version of `prev` (whose head was `prevHead`): when `prev` was read
 * by the scanner and `doc` only changes single-line values, the head follows from the changed lines.
 */
export function readHeadAfter(prev: string, prevHead: SimpleHead, doc: string): SimpleHead {
  if (fromScanner.has(prevHead)) {
    const head = headAfterValueChanges(prev, prevHead, doc);
    if (head !== undefined) {
      fromScanner.add(head);
      return head;
    }
  }
  return readHead(doc);
}

/**
 * Heads by document text. A values change usually alters a few documents; the rest are the same
 * text as in the previous render, and parsing their YAML again would dominate a re-render.
 * Heads are never mutated by callers.
 */
const heads = new Map<string, SimpleHead | Error>();
const MAX_HEADS = 2000;

/** Go's name of the struct heads decode into, in Helm 3 (Helm 4 moved it to package `util`). */
export const SIMPLE_HEAD_TYPE = 'releaseutil.SimpleHead';

/** The head through a full YAML parse (what Helm does for every document). */
export function parseHead(doc: string): SimpleHead {
  const v = unmarshalYamlToStrings(doc, HEAD_STRINGS);
  const head: SimpleHead = { apiVersion: '', kind: '' };
  if (v === null || v === undefined) return head;
  if (!(v instanceof Map)) throw jsonTypeError(v, `Go value of type ${SIMPLE_HEAD_TYPE}`);
  const apiVersion = field(v, 'apiVersion');
  const kind = field(v, 'kind');
  const metadata = field(v, 'metadata');
  if (apiVersion !== undefined) head.apiVersion = stringField(apiVersion, 'SimpleHead.apiVersion', head.apiVersion);
  if (kind !== undefined) head.kind = stringField(kind, 'SimpleHead.kind', head.kind);
  if (metadata instanceof Map) {
    const md: NonNullable<SimpleHead['metadata']> = { name: '' };
    const name = field(metadata, 'name');
    if (name !== undefined) md.name = stringField(name, '.metadata.name', '');
    const ann = field(metadata, 'annotations');
    if (ann instanceof Map) {
      md.annotations = {};
      for (const [k, x] of ann) {
        if (x === null) md.annotations[k] = '';
        else if (typeof x === 'string') md.annotations[k] = x;
        else throw jsonTypeError(x, 'Go struct field .metadata.annotations of type string');
      }
    } else if (ann !== undefined && ann !== null) {
      throw jsonTypeError(ann, 'Go struct field .metadata.annotations of type map[string]string');
    }
    head.metadata = md;
  } else if (metadata !== undefined && metadata !== null) {
    throw jsonTypeError(metadata, 'Go struct field SimpleHead.metadata of type struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }');
  }
  return head;
}

/** The string fields of SimpleHead, where sigs.k8s.io/yaml turns scalars into text. */
const HEAD_STRINGS: StringTarget = {
  fields: {
    apiVersion: 'string',
    kind: 'string',
    metadata: { fields: { name: 'string', annotations: { elem: 'string' } } },
  },
};

/** encoding/json matches an exact key first, then a case-insensitive one. */
function field(m: Map<string, GoValue>, name: string): GoValue | undefined {
  if (m.has(name)) return m.get(name);
  const lower = name.toLowerCase();
  let found: GoValue | undefined;
  for (const [k, v] of m) if (k.toLowerCase() === lower) found = v;
  return found;
}

/** `path` is Go's struct name then field path; metadata's struct is anonymous, so its name is empty. */
function stringField(v: GoValue, path: string, fallback: string): string {
  if (v === null) return fallback;
  if (typeof v === 'string') return v;
  throw jsonTypeError(v, `Go struct field ${path} of type string`);
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return 'number';
}

function jsonTypeError(v: GoValue, target: string): Error {
  return new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into ${target}`);
}
