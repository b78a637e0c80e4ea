/**
 * Which number fields are integers, asked of kubernetes-models' compiled validators: TypeScript
 * declares every number as `number`, but the validators (generated from the same OpenAPI) still
 * reject 0.5 where the API type is an integer. A probe object filled from the compact defs, with
 * 0.5 in every number, shows each integer field as a `type: integer` error at its path.
 */
import type { ObjectDef, TypeCode } from '../lib/validate/schema/format';

interface AjvError {
  instancePath: string;
  keyword: string;
  params: { type?: string };
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** `def.field` names whose numbers the validators of the given kinds require to be integers. */
export async function integerFields(roots: { root: string; validate: string }[], defs: Record<string, ObjectDef>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const { root, validate } of roots) {
    const owners = new Map<string, string>();
    const probe = build(`@${root}`, defs, '', [], owners, '');
    const fn = ((await import(validate)) as { validate: Validate }).validate;
    fn(probe);
    for (const e of fn.errors ?? []) {
      if (e.keyword !== 'type' || e.params.type !== 'integer') continue;
      const owner = owners.get(e.instancePath);
      if (owner) out.add(owner);
    }
  }
  return out;
}

/** A value of type `t` at JSON pointer `path`; number leaves are recorded with their `def.field`. */
function build(t: TypeCode, defs: Record<string, ObjectDef>, path: string, stack: string[], owners: Map<string, string>, owner: string): unknown {
  switch (t[0]) {
    case 's':
      return 'x';
    case 'd':
      return '2024-01-01T00:00:00Z';
    case 'b':
      return true;
    case 'f':
      owners.set(path, owner);
      return 0.5;
    case 'n':
    case 'i':
    case 'q':
      return 1;
    case '[':
      return [build(t.slice(2), defs, `${path}/0`, stack, owners, owner)];
    case '{':
      return { k: build(t.slice(2), defs, `${path}/k`, stack, owners, owner) };
    case '@': {
      const name = t.slice(1);
      const obj: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(defs[name][0])) {
        // A type inside itself would never end: its second occurrence stays empty.
        if (v.includes('@') && stack.includes(v.slice(v.indexOf('@') + 1))) continue;
        obj[k] = build(v, defs, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, [...stack, name], owners, `${name}.${k}`);
      }
      return obj;
    }
    default:
      return {};
  }
}
