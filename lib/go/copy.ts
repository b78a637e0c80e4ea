import { GoStruct, isGoNil, markNil, typeInfoOf, withType, type GoMap, type GoValue } from './value';

type Container = GoMap | GoValue[] | GoStruct;
const isContainer = (v: GoValue): v is Container => v instanceof Map || Array.isArray(v) || v instanceof GoStruct;

/** An empty copy of a container (keeping its Go type and nil-ness), or the value itself when it has no parts. */
function shell(v: GoValue): GoValue {
  const c = copyShell(v);
  return isGoNil(v) ? markNil(c as GoMap) : c;
}

function copyShell(v: GoValue): GoValue {
  if (v instanceof Map) {
    const info = typeInfoOf(v);
    return info ? withType(new Map(), info) : new Map();
  }
  if (Array.isArray(v)) {
    const info = typeInfoOf(v);
    const l: GoValue[] = new Array(v.length);
    return info ? withType(l, info) : l;
  }
  if (v instanceof GoStruct) return new GoStruct(v.type, [], v.pointer);
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/**
 * copystructure.Copy: maps, slices and structs are copied all the way down, keeping their Go
 * types. Iterative, so values nested as deep as helm accepts (10000 levels) copy on any stack.
 */
export function deepCopy<T extends GoValue>(root: T): T {
  const top = shell(root);
  const work: [Container, Container][] = isContainer(root) ? [[root, top as Container]] : [];
  while (work.length > 0) {
    const [from, to] = work.pop()!;
    const part = (x: GoValue): GoValue => {
      const c = shell(x);
      if (isContainer(x)) work.push([x, c as Container]);
      return c;
    };
    if (from instanceof Map) for (const [k, x] of from) (to as GoMap).set(k, part(x));
    else if (Array.isArray(from)) for (let i = 0; i < from.length; i++) (to as GoValue[])[i] = part(from[i]);
    else for (const [k, x] of (from as GoStruct).fields) ((to as GoStruct).fields as (readonly [string, GoValue])[]).push([k, part(x)]);
  }
  return top as T;
}
