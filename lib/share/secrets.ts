/**
 * Which values are secrets, and removing them from a values.yaml text. A value is secret when
 * the chart's schema says so (`x-chartroom.secret`, docs/form-hints.md) or, conservatively,
 * when its key name or its content looks like one (passwords, tokens, API keys, private keys,
 * URLs with credentials). Names of existing Secrets and the keys inside them are not secrets.
 */
import { isMap, isScalar, parseDocument, stringify, visit, type Document } from 'yaml';
import { pathKeys } from '../helm';
import { readHints, resolveNode, type JsonSchema, type SecretKind, documentToJS, formatPath, getIn, type ValuePath } from '../form';


/** A secret field declared by the schema; `*` in `path` stands for any list item or map key. */
export interface SecretField {
  path: string[];
  /** Values path of the chart's matching existing-Secret option. */
  existingSecret?: string[];
  generate?: SecretKind;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every field the schema marks `secret`, with its existing-Secret option. */
export function schemaSecretFields(schema: unknown): SecretField[] {
  if (!isRecord(schema)) return [];
  const root = schema as JsonSchema;
  const out: SecretField[] = [];
  const walk = (raw: JsonSchema, path: string[], depth: number) => {
    if (depth > 24) return;
    const node = resolveNode(root, raw);
    const hints = readHints(node);
    if (hints.secret) {
      const field: SecretField = { path };
      if (hints.existingSecret) field.existingSecret = pathKeys(hints.existingSecret);
      if (hints.generate) field.generate = hints.generate;
      out.push(field);
      return;
    }
    for (const [k, child] of Object.entries(node.properties ?? {})) if (isRecord(child)) walk(child, [...path, k], depth + 1);
    if (isRecord(node.additionalProperties)) walk(node.additionalProperties as JsonSchema, [...path, '*'], depth + 1);
    if (isRecord(node.items)) walk(node.items as JsonSchema, [...path, '*'], depth + 1);
  };
  walk(root, [], 0);
  return out;
}

/** `someApiKey`, `SOME_API_KEY`, `some-api-key` → `['some', 'api', 'key']`. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'token', 'tokens', 'secret', 'secrets', 'credential', 'credentials', 'apikey', 'dsn', 'privatekey', 'salt']);
/** First words of options that name or switch a secret rather than hold one. */
const NOT_SECRET_FIRST = new Set(['existing', 'create', 'generate', 'use', 'auto', 'enable', 'enabled', 'skip', 'mount']);
/** Last words of options about a secret (its name, where it lives, how long it lasts). */
const NOT_SECRET_LAST = new Set([
  'name', 'names', 'ref', 'refs', 'selector', 'enabled', 'policy', 'mode', 'type', 'path', 'paths', 'file', 'files',
  'length', 'size', 'annotations', 'labels', 'version', 'provider', 'arn', 'id', 'namespace', 'class', 'mount',
  'ttl', 'expiry', 'expiration', 'duration', 'seconds', 'timeout', 'interval', 'count', 'limit', 'format', 'url',
  'endpoint', 'audience', 'issuer', 'header', 'location', 'store', 'template', 'strategy', 'rotation',
]);
/** `<word>Key` options that are not keys in the cryptographic sense. */
const KEY_NOT_SECRET_BEFORE = new Set(['topology', 'label', 'node', 'sort', 'partition', 'cache', 'hash', 'routing', 'shard', 'affinity', 'match', 'index', 'primary', 'foreign', 'lookup', 'object', 'config', 'map', 'value', 'values', 'secret', 'password']);

/**
 * Whether an option name looks like it holds a secret: `password`, `dbPassword`, `apiKey`,
 * `token`, `clientSecret`, `kmsKey`... but not `existingSecret`, `secretName`,
 * `existingSecretPasswordKey`, `topologyKey`, nor a bare `key` (tolerations, selectors).
 */
export function isSecretKeyName(key: string): boolean {
  const w = keyWords(key);
  if (w.length === 0) return false;
  if (NOT_SECRET_FIRST.has(w[0]) || NOT_SECRET_LAST.has(w[w.length - 1])) return false;
  if (w.some((x) => SECRET_WORDS.has(x))) return true;
  for (let i = 0; i + 1 < w.length; i++) if (w[i + 1] === 'key' && (w[i] === 'api' || w[i] === 'private' || w[i] === 'access')) return true;
  const last = w[w.length - 1];
  if (last === 'key' && w.length >= 2 && !KEY_NOT_SECRET_BEFORE.has(w[w.length - 2])) return true;
  return false;
}

const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** Whether a string's content is a secret whatever its key: a URL with a password, a PEM private key. */
export function looksLikeSecretValue(v: string): boolean {
  return URL_WITH_CREDENTIALS.test(v) || PRIVATE_KEY_PEM.test(v);
}

function matchesField(path: ValuePath, field: SecretField): boolean {
  if (path.length !== field.path.length) return false;
  return field.path.every((p, i) => p === '*' || p === String(path[i]));
}

/** The schema field a concrete path belongs to, if any. */
export function fieldForPath(path: ValuePath, fields: readonly SecretField[]): SecretField | undefined {
  return fields.find((f) => matchesField(path, f));
}

function holdsSomething(v: unknown): boolean {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return true;
}

/**
 * Paths of every secret value present in `values` (plain JS, as parsed from YAML). Empty
 * strings, `null` and booleans are never reported: they carry nothing to hide.
 */
export function findSecretPaths(values: unknown, fields: readonly SecretField[] = []): ValuePath[] {
  const out: ValuePath[] = [];
  const walk = (v: unknown, path: ValuePath, key: string | undefined) => {
    if (path.length > 0 && fieldForPath(path, fields)) {
      if (holdsSomething(v)) out.push(path);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        // Environment-variable style entries: `{name: DB_PASSWORD, value: ...}`.
        if (isRecord(item) && typeof item.name === 'string' && 'value' in item && isSecretKeyName(item.name) && holdsSomething(item.value)) {
          out.push([...path, i, 'value']);
          for (const [k, child] of Object.entries(item)) if (k !== 'value') walk(child, [...path, i, k], k);
          return;
        }
        walk(item, [...path, i], key);
      });
      return;
    }
    if (isRecord(v)) {
      for (const [k, child] of Object.entries(v)) walk(child, [...path, k], k);
      return;
    }
    if (typeof v === 'string' && v !== '' && looksLikeSecretValue(v)) out.push(path);
    else if ((typeof v === 'string' || typeof v === 'number') && v !== '' && key !== undefined && isSecretKeyName(key)) out.push(path);
  };
  walk(values, [], undefined);
  return out;
}

/** Thrown when a values text can't be read, so its secrets can't be found. */
export class ValuesTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValuesTextError';
  }
}

/** Parses a values.yaml text as a YAML document; throws {@link ValuesTextError} on bad YAML. */
export function parseValuesDocument(text: string): Document {
  return parsed(text).doc;
}

/** A values text's document and its value, aliases expanded under the cap. */
function parsed(text: string): { doc: Document; value: unknown } {
  const doc = parseDocument(text, { merge: true, uniqueKeys: false });
  if (doc.errors.length > 0) throw new ValuesTextError(`values.yaml is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const js = documentToJS(doc);
  if (!js.ok) throw new ValuesTextError(`values.yaml is not valid YAML: ${js.message}`);
  if (js.value !== null && js.value !== undefined && !isRecord(js.value)) throw new ValuesTextError('values.yaml must be a mapping of keys to values');
  return { doc, value: js.value };
}

/** Whether a document uses anchors, aliases or merge keys: then paths in the text and in the values differ. */
function usesAliases(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
    Pair: (_, pair) => {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The values a text holds, as plain JS (an empty text is an empty map). */
export function valuesOf(text: string): Record<string, unknown> {
  const { value } = parsed(text);
  return isRecord(value) ? value : {};
}

export interface StripResult {
  /** The text without the secret values (unchanged when there were none). */
  text: string;
  /** Removed paths, as `a.b[0].c`. */
  removed: string[];
  removedPaths: ValuePath[];
}

/**
 * Removes every secret value from a values.yaml text, keeping its comments and layout. A text
 * using anchors or merge keys is re-written from its values instead, so an alias can't carry a
 * secret somewhere else. Throws {@link ValuesTextError} when the text is not valid YAML.
 */
export function stripSecretsFromText(text: string, fields: readonly SecretField[] = []): StripResult {
  const { doc, value: values } = parsed(text);
  const paths = withCopies(values, findSecretPaths(values, fields));
  if (paths.length === 0) return { text, removed: [], removedPaths: [] };
  const rewrite = () => {
    const plain = structuredClone(values) as Record<string, unknown>;
    for (const p of [...paths].reverse()) {
      deletePath(plain, p);
      pruneEmptyParents(p, (q) => getIn(plain, q), (q) => deletePath(plain, q));
    }
    return stringify(plain);
  };
  let out: string | undefined;
  if (!usesAliases(doc)) {
    try {
      for (const p of [...paths].reverse()) {
        doc.deleteIn(p);
        pruneEmptyParents(p, (q) => doc.getIn(q), (q) => doc.deleteIn(q));
      }
      out = doc.toString();
      // Duplicate keys make a path ambiguous in the text: trust the edit only if nothing is left.
      if (findSecretPaths(parsed(out).value, fields).length > 0) out = undefined;
    } catch {
      out = undefined;
    }
  }
  return { text: out ?? rewrite(), removed: paths.map(formatPath), removedPaths: paths };
}

/** Secret strings (4+ characters) repeated elsewhere, through an alias or by hand, are secret there too. */
function withCopies(values: unknown, paths: ValuePath[]): ValuePath[] {
  const secrets = new Set(paths.map((p) => getIn(values, p)).filter((v): v is string => typeof v === 'string' && v.length >= 4));
  if (secrets.size === 0) return paths;
  const known = new Set(paths.map(formatPath));
  const extra: ValuePath[] = [];
  const walk = (v: unknown, path: ValuePath) => {
    if (known.has(formatPath(path))) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else if (typeof v === 'string' && secrets.has(v)) extra.push(path);
  };
  walk(values, []);
  const order = (p: ValuePath) => formatPath(p);
  const all = [...paths, ...extra];
  // Document order, so removing from the end keeps list indexes valid.
  const rank = new Map<string, number>();
  let n = 0;
  const index = (v: unknown, path: ValuePath) => {
    rank.set(formatPath(path), n++);
    if (Array.isArray(v)) v.forEach((x, i) => index(x, [...path, i]));
    else if (isRecord(v)) for (const [k, x] of Object.entries(v)) index(x, [...path, k]);
  };
  index(values, []);
  return all.sort((a, b) => (rank.get(order(a)) ?? 0) - (rank.get(order(b)) ?? 0));
}

/** Removes maps left empty by a removal (`a: {b: {}}` → nothing), up to the root. */
function pruneEmptyParents(path: ValuePath, get: (p: ValuePath) => unknown, del: (p: ValuePath) => void): void {
  for (let k = path.length - 1; k >= 1; k--) {
    const parentPath = path.slice(0, k);
    if (typeof parentPath[parentPath.length - 1] === 'number') return;
    const parent = get(parentPath);
    const empty = isMap(parent) ? parent.items.length === 0 : isRecord(parent) && Object.keys(parent).length === 0;
    if (!empty) return;
    del(parentPath);
  }
}

/** Deletes a path from plain values (list items are removed, not nulled). */
export function deletePath(root: unknown, path: ValuePath): void {
  let cur: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isRecord(cur) && typeof key === 'string') cur = cur[key];
    else return;
  }
  const last = path[path.length - 1];
  if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1);
  else if (isRecord(cur) && typeof last === 'string') delete cur[last];
}

