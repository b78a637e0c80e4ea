/**
 * Helm's schema messages, as the form shows them. Helm names the schema rule that failed
 * (`Must validate "then" as "if" was valid`, `validation failed`), which tells someone filling in
 * a form nothing; the rule itself, read from the schema, says which fields the chosen option
 * requires or which shapes a value may take.
 */
import { pathKeys } from '../helm';
import { humanizeKey } from './model';
import { resolveNode, type JsonSchema } from './schema';

/** Messages by dotted values path (`postgresql.external.host`); `''` is the root. */
export type FieldErrors = Record<string, string[]>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema node describing the value at `path` (through properties and items), resolved. */
export function schemaAt(root: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema = resolveNode(root, root);
  for (const key of path) {
    const props = node.properties;
    let next: unknown = props && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    if (next === undefined && /^\d+$/.test(key) && isRecord(node.items)) next = node.items;
    if (next === undefined && isRecord(node.additionalProperties)) next = node.additionalProperties;
    if (!isRecord(next)) return undefined;
    node = resolveNode(root, next as JsonSchema);
  }
  return node;
}

function labelOf(root: JsonSchema, node: JsonSchema, key: string): string {
  const child = node.properties?.[key];
  const resolved = isRecord(child) ? resolveNode(root, child as JsonSchema) : undefined;
  return typeof resolved?.title === 'string' ? resolved.title : humanizeKey(key);
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What an `if` says in words: `Mode is "external"`, or undefined when it is not that simple. */
function conditionText(root: JsonSchema, parent: JsonSchema, cond: JsonSchema): string | undefined {
  const parts: string[] = [];
  for (const [key, sub] of Object.entries(cond.properties ?? {})) {
    if (!isRecord(sub)) continue;
    const s = sub as JsonSchema;
    const label = labelOf(root, parent, key);
    if ('const' in s) parts.push(`${label} is ${show(s.const)}`);
    else if (Array.isArray(s.enum)) parts.push(`${label} is ${s.enum.map(show).join(' or ')}`);
    else return undefined;
  }
  return parts.length ? parts.join(' and ') : undefined;
}

/** What a `then`/`else` branch asks for: the fields it requires. */
function requirementText(root: JsonSchema, parent: JsonSchema, branch: JsonSchema): string | undefined {
  const required = Array.isArray(branch.required) ? branch.required.filter((k): k is string => typeof k === 'string') : [];
  if (required.length) return `${list(required.map((k) => labelOf(root, parent, k)))} must be set`;
  const constrained = Object.keys(branch.properties ?? {});
  if (constrained.length) return `check ${list(constrained.map((k) => labelOf(root, parent, k)))}`;
  return undefined;
}

function branchMessage(root: JsonSchema, node: JsonSchema, which: 'then' | 'else'): string {
  const cond = isRecord(node.if) ? (node.if as JsonSchema) : undefined;
  const branch = isRecord(node[which]) ? resolveNode(root, node[which] as JsonSchema) : undefined;
  const when = cond ? conditionText(root, node, cond) : undefined;
  const need = branch ? requirementText(root, node, branch) : undefined;
  if (when && need) return which === 'then' ? `Because ${when}, ${need}.` : `Unless ${when}, ${need}.`;
  if (need) return `With the options chosen here, ${need}.`;
  return 'These settings do not fit together (a rule of the chart’s schema).';
}

/** The choices of an anyOf/oneOf, named by title, required keys or type. */
function choicesText(root: JsonSchema, node: JsonSchema, options: unknown[]): string | undefined {
  const names = options.map((o) => {
    if (!isRecord(o)) return undefined;
    const r = resolveNode(root, o as JsonSchema);
    if (typeof r.title === 'string') return r.title;
    if (Array.isArray(r.required) && r.required.length) return `with ${list(r.required.map((k) => labelOf(root, node, String(k))))}`;
    if ('const' in r) return show(r.const);
    if (r.type) return Array.isArray(r.type) ? r.type.join(' or ') : String(r.type);
    return undefined;
  });
  return names.every((n) => n !== undefined) ? (names as string[]).join('; ') : undefined;
}

/**
 * Helm's exact texts for the rules the form explains, as each helm prints them (checked against
 * both helms by tests/helm/schema-messages.test.ts). Helm 3.17 names the rule; Helm 4.1 reports an
 * `if`/`then` failure only through what the branch asked for (`missing property 'host'`).
 */
const HELM_TEXT = {
  then: /^Must validate "then" as "if" was valid$/,
  else: /^Must validate "else" as "if" was not valid$/,
  anyOf: /^(Must validate at least one schema \(anyOf\)|'anyOf' failed)$/,
  oneOf: /^(Must validate one and only one schema \(oneOf\)|'oneOf' failed, (none matched|subschemas [\d, ]+ matched))$/,
  not: /^(Must not validate the schema \(not\)|'not' failed)$/,
  // Groups of the messages listed beside them.
  group: /^(Must validate all the schemas \(allOf\)|'allOf' failed|validation failed)$/,
  missing: /^missing propert(?:y|ies) ((?:'[^']*'(?:, )?)+)$/,
  required: /^(\S+) is required$/,
};

function requiredOf(root: JsonSchema, branch: unknown): string[] {
  if (!isRecord(branch)) return [];
  const r = resolveNode(root, branch as JsonSchema).required;
  return Array.isArray(r) ? r.filter((k): k is string => typeof k === 'string') : [];
}

/** Helm 4's `missing property` under an if/then/else: the branch that requires those keys, if only one does. */
function missingMessage(root: JsonSchema, node: JsonSchema | undefined, keys: string[]): string {
  if (node && isRecord(node.if)) {
    const branches = (['then', 'else'] as const).filter((b) => keys.every((k) => requiredOf(root, node[b]).includes(k)));
    if (branches.length === 1) return branchMessage(root, node, branches[0]);
  }
  const labels = keys.map((k) => (node ? labelOf(root, node, k) : humanizeKey(k)));
  return `${list(labels)} must be set.`;
}

/** What a `not` forbids, in words. */
function notMessage(root: JsonSchema, node: JsonSchema | undefined): string {
  const forbidden = node && isRecord(node.not) ? choicesText(root, node, [node.not]) : undefined;
  return forbidden ? `Must not be ${forbidden}.` : 'This value is one the chart’s schema rules out.';
}

/** One of Helm's messages about the value at `path`, in words; null drops a message that adds nothing. */
export function readableHelmMessage(root: JsonSchema, path: readonly string[], message: string): string | null {
  const node = schemaAt(root, path);
  if (HELM_TEXT.then.test(message)) return node ? branchMessage(root, node, 'then') : message;
  if (HELM_TEXT.else.test(message)) return node ? branchMessage(root, node, 'else') : message;
  if (HELM_TEXT.anyOf.test(message)) {
    const choices = node && Array.isArray(node.anyOf) ? choicesText(root, node, node.anyOf) : undefined;
    return choices ? `Must match one of: ${choices}.` : 'Must match one of the forms the chart allows here.';
  }
  if (HELM_TEXT.oneOf.test(message)) {
    const choices = node && Array.isArray(node.oneOf) ? choicesText(root, node, node.oneOf) : undefined;
    return choices ? `Must match exactly one of: ${choices}.` : 'Must match exactly one of the forms the chart allows here.';
  }
  if (HELM_TEXT.not.test(message)) return notMessage(root, node);
  if (HELM_TEXT.group.test(message)) return null;
  const missing = HELM_TEXT.missing.exec(message);
  if (missing) return missingMessage(root, node, [...missing[1].matchAll(/'([^']*)'/g)].map((m) => m[1]));
  const required = HELM_TEXT.required.exec(message);
  if (required) return missingMessage(root, node, [required[1]]);
  return message;
}

/** Form errors with Helm's rule names replaced by what they ask of the user. */
export function readableHelmErrors(root: JsonSchema, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const keys = pathKeys(path);
    // Beside a choice (anyOf/oneOf) both helms list why each option failed; the choices say it better.
    const choice = messages.find((m) => HELM_TEXT.anyOf.test(m) || HELM_TEXT.oneOf.test(m));
    const readable = (choice ? [choice] : messages).map((m) => readableHelmMessage(root, keys, m)).filter((m): m is string => m !== null);
    if (readable.length) out[path] = [...new Set(readable)];
  }
  // A rule whose details all sit elsewhere still says something is wrong here.
  for (const [path, messages] of Object.entries(errors)) {
    if (!out[path] && !Object.keys(out).some((p) => path === '' || p.startsWith(`${path}.`))) out[path] = messages;
  }
  return out;
}
