/**
 * Random well-formed Go templates for the differential fuzzer: pipelines, variables,
 * if/with/range with else and else-if/else-with, break/continue, define/template/block,
 * include and tpl, comments and trim markers, over Sprig and Helm functions and random
 * `.Values` (maps, lists, numbers, Unicode strings, null). A case is a tree so that a
 * difference can be shrunk by replacing parts of it with smaller ones.
 */

/** mulberry32: a small seeded PRNG, so a seed always yields the same cases. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Arg =
  | { k: "lit"; text: string }
  | { k: "field"; path: string }
  | { k: "var"; name: string }
  | { k: "pipe"; pipe: Pipe };

export interface Cmd {
  fn: string | null;
  args: Arg[];
}

export interface Pipe {
  decl?: string[];
  assign?: boolean;
  cmds: Cmd[];
}

export type Node =
  | { k: "text"; text: string }
  | { k: "action"; pipe: Pipe; trimL: boolean; trimR: boolean }
  | { k: "comment"; trimL: boolean; trimR: boolean }
  | {
      k: "if" | "with";
      pipe: Pipe;
      body: Node[];
      elifs: { pipe: Pipe; body: Node[] }[];
      els: Node[] | null;
    }
  | { k: "range"; pipe: Pipe; body: Node[]; els: Node[] | null }
  | { k: "template"; name: string; pipe: Pipe | null }
  | { k: "block"; name: string; pipe: Pipe; body: Node[] }
  | { k: "break" | "continue" };

export interface Define {
  name: string;
  body: Node[];
}

export interface FuzzCase {
  defines: Define[];
  body: Node[];
}

const STRINGS = [
  "",
  "a",
  "abc",
  "Hello World",
  "é",
  "ü-ß",
  "日本",
  "😀",
  "a b\tc",
  "line\nbreak",
  "1",
  "-2",
  "3.5",
  "true",
  "null",
  "x:y",
  "<&>",
  "%d",
  "{{x}}",
  " pad ",
  "a,b,c",
  "a.b",
  "a = 1",
  "[t]\nk = 'v'",
  "x = [1, {y = 2}]",
  "CamelCase",
  "snake_case",
];
const KEYS = ["a", "b", "c", "name", "list", "n", "x y", "é", "Nested"];

/** Random `.Values` (a map at the top): the same JSON goes to both renderers as values.yaml. */
export function genValues(rng: Rng, depth = 0): unknown {
  const r = depth === 0 ? 6 : rng.int(depth >= 3 ? 6 : 9);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rng.pick([0, 1, -7, 42, 1000000, 2147483648, 9007199254740991]);
    case 2:
      return rng.pick([0.5, -1.25, 1e21, 3.0e-7, 100.0, 1e6 + 0.5]);
    case 3:
    case 4:
      return rng.pick(STRINGS);
    case 5:
      return rng.chance(0.5);
    case 6:
    case 7: {
      const m: Record<string, unknown> = {};
      for (let i = rng.int(4); i >= 0; i--)
        m[rng.pick(KEYS)] = genValues(rng, depth + 1);
      return m;
    }
    default:
      return Array.from({ length: rng.int(4) }, () =>
        genValues(rng, depth + 1),
      );
  }
}

/** Paths into the values tree (and a few that are missing). */
function valuePaths(
  v: unknown,
  prefix = "$.Values",
  out: string[] = [],
): string[] {
  out.push(prefix);
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v))
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        valuePaths(x, `${prefix}.${k}`, out);
  }
  return out;
}

type Kind = "str" | "int" | "num" | "any" | "list" | "map" | "bool";

/**
 * Each function's parameter kinds (the last may repeat for variadic ones) and the kind it
 * returns, so arguments and pipeline stages mostly fit (errors stay possible).
 */
const SIGNATURES: Record<string, string> = {
  upper: "str -> str",
  lower: "str -> str",
  title: "str -> str",
  untitle: "str -> str",
  trim: "str -> str",
  trimAll: "str str -> str",
  trimPrefix: "str str -> str",
  trimSuffix: "str str -> str",
  repeat: "int str -> str",
  substr: "int int str -> str",
  nospace: "str -> str",
  trunc: "int str -> str",
  abbrev: "int str -> str",
  initials: "str -> str",
  wrap: "int str -> str",
  cat: "any any -> str",
  replace: "str str str -> str",
  plural: "str str int -> str",
  snakecase: "str -> str",
  camelcase: "str -> str",
  kebabcase: "str -> str",
  swapcase: "str -> str",
  contains: "str str -> bool",
  hasPrefix: "str str -> bool",
  hasSuffix: "str str -> bool",
  quote: "any -> str",
  squote: "any -> str",
  indent: "int str -> str",
  nindent: "int str -> str",
  b64enc: "str -> str",
  b64dec: "str -> str",
  b32enc: "str -> str",
  sha256sum: "str -> str",
  adler32sum: "str -> str",
  toString: "any -> str",
  toStrings: "list -> list",
  atoi: "str -> int",
  int: "any -> int",
  int64: "any -> int",
  float64: "any -> num",
  splitList: "str str -> list",
  split: "str str -> any",
  join: "str list -> str",
  sortAlpha: "list -> list",
  list: "any any -> list",
  first: "list -> any",
  last: "list -> any",
  rest: "list -> list",
  initial: "list -> list",
  append: "list any -> list",
  prepend: "list any -> list",
  reverse: "list -> list",
  uniq: "list -> list",
  without: "list any -> list",
  has: "any list -> bool",
  compact: "list -> list",
  concat: "list list -> list",
  dict: "str any -> map",
  get: "map str -> any",
  hasKey: "map str -> bool",
  pluck: "str map -> list",
  dig: "str any map -> any",
  default: "any any -> any",
  empty: "any -> bool",
  coalesce: "any any -> any",
  ternary: "any any bool -> any",
  toJson: "any -> str",
  toPrettyJson: "any -> str",
  toRawJson: "any -> str",
  fromJson: "str -> map",
  toYaml: "any -> str",
  fromYaml: "str -> map",
  fromYamlArray: "str -> list",
  fromJsonArray: "str -> list",
  add: "num num -> int",
  sub: "num num -> int",
  mul: "num num -> int",
  div: "num num -> num",
  mod: "int int -> int",
  max: "num num -> int",
  min: "num num -> int",
  floor: "num -> num",
  ceil: "num -> num",
  round: "num int -> num",
  add1: "num -> int",
  addf: "num num -> num",
  mulf: "num num -> num",
  len: "any -> int",
  kindOf: "any -> any",
  typeOf: "any -> any",
  kindIs: "str any -> bool",
  deepEqual: "any any -> bool",
  eq: "any any -> bool",
  ne: "any any -> bool",
  lt: "num num -> bool",
  le: "num num -> bool",
  gt: "num num -> bool",
  ge: "num num -> bool",
  and: "any any -> any",
  or: "any any -> any",
  not: "any -> bool",
  print: "any any -> str",
  println: "any -> str",
  printf: "str any -> str",
  html: "any -> str",
  js: "any -> str",
  urlquery: "any -> str",
  regexMatch: "str str -> bool",
  regexReplaceAll: "str str str -> str",
  seq: "int -> any",
  until: "int -> list",
  untilStep: "int int int -> list",
  toDecimal: "str -> any",
  semverCompare: "str str -> bool",
  index: "any any -> any",
  slice: "any int -> any",
  mustFirst: "list -> any",
  mustToJson: "any -> str",
  required: "str any -> any",
  tpl: "str any -> str",
  keys: "map -> any",
  base: "str -> str",
  dir: "str -> str",
  ext: "str -> str",
  clean: "str -> str",
  sha1sum: "str -> str",
  fromToml: "str -> map",
  toToml: "any -> str",
};
const FUNCS: Record<string, Kind[]> = {};
const RETURNS: Record<string, Kind> = { include: "str" };
for (const [fn, sig] of Object.entries(SIGNATURES)) {
  const [params, ret] = sig.split(" -> ");
  FUNCS[fn] = params.split(" ").filter(Boolean) as Kind[];
  RETURNS[fn] = ret as Kind;
}
const FUNC_NAMES = Object.keys(FUNCS);
const BY_RETURN = (k: Kind): string[] =>
  Object.keys(RETURNS).filter((f) => RETURNS[f] === k && f !== "include");
/** Functions whose last parameter takes anything, or a string: safe later pipeline stages. */
const TAKES_LAST = (k: Kind): string[] =>
  FUNC_NAMES.filter(
    (f) =>
      FUNCS[f].length > 0 &&
      (FUNCS[f].at(-1) === "any" || FUNCS[f].at(-1) === k),
  );

/** Functions that allocate by a count: theirs are small literals, or helm runs out of memory. */
const COUNTED = new Set([
  "repeat",
  "until",
  "untilStep",
  "seq",
  "indent",
  "nindent",
]);
const SMALL_INTS = ["0", "1", "2", "3", "-1", "5"];
/** Functions whose output depends on Go map order: their result is sorted before use. */
const NEEDS_SORT = new Set(["keys"]);

const FORMATS = [
  "%v",
  "%s",
  "%d",
  "%q",
  "%x",
  "%5.2f",
  "%T",
  "%+v",
  "%#v",
  "%t",
  "%-4s|",
  "%08.3f",
  "%c",
  "%U",
  "%e",
  "%g",
  "%%",
  "%!",
  "%[1]v",
];

function goString(rng: Rng, s: string): string {
  if (rng.chance(0.15) && !s.includes("`")) return `\`${s}\``;
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_, h) => `\\u${h}`);
}

class Gen {
  private names = 0;
  constructor(
    readonly rng: Rng,
    readonly paths: string[],
    readonly id: string,
    readonly defines: Define[],
  ) {}

  literal(kind: Kind): Arg {
    const r = this.rng;
    switch (kind) {
      case "str":
        return { k: "lit", text: goString(r, r.pick(STRINGS)) };
      case "int":
        return {
          k: "lit",
          text: r.pick([
            "0",
            "1",
            "2",
            "3",
            "-1",
            "10",
            "0x1F",
            "0o17",
            "'a'",
            "1_000",
            "9223372036854775807",
          ]),
        };
      case "num":
        return {
          k: "lit",
          text: r.pick([
            "0",
            "1",
            "-3",
            "7",
            "2.5",
            "-0.5",
            "1e3",
            "1e21",
            "100",
            "0.1",
          ]),
        };
      case "bool":
        return { k: "lit", text: r.pick(["true", "false"]) };
      case "list":
        return {
          k: "pipe",
          pipe: {
            cmds: [
              {
                fn: "list",
                args: Array.from({ length: r.int(4) }, () =>
                  this.literal(r.pick(["str", "int", "num", "bool"] as Kind[])),
                ),
              },
            ],
          },
        };
      case "map":
        return {
          k: "pipe",
          pipe: {
            cmds: [
              {
                fn: "dict",
                args: Array.from({ length: r.int(3) * 2 }, (_, i) =>
                  i % 2 === 0
                    ? this.literal("str")
                    : this.literal(r.pick(["str", "int", "num"] as Kind[])),
                ),
              },
            ],
          },
        };
      default:
        return r.chance(0.1)
          ? { k: "lit", text: "nil" }
          : this.literal(
              r.pick(["str", "int", "num", "bool", "list", "map"] as Kind[]),
            );
    }
  }

  arg(kind: Kind, vars: string[], depth: number): Arg {
    const r = this.rng;
    const x = r.next();
    if (kind === "any") {
      if (x < 0.35) return this.literal(kind);
      if (x < 0.6)
        return {
          k: "field",
          path: r.pick(this.paths) + (r.chance(0.1) ? ".missing" : ""),
        };
      if (x < 0.7 && vars.length > 0) return { k: "var", name: r.pick(vars) };
      if (x < 0.78)
        return {
          k: "field",
          path: r.pick([
            ".",
            "$.Chart.Name",
            "$.Release.Name",
            "$.Release.Namespace",
            "$.Capabilities.KubeVersion.Version",
            "$.Template.Name",
            "$.Chart.IsRoot",
            "$.Release.Revision",
            "$.Chart",
          ]),
        };
    } else {
      // Sprig's int parameters reject int64 results: counts are literals.
      if (x < 0.6 || depth > 2 || kind === "int") return this.literal(kind);
      if (x < 0.68 && kind === "str")
        return {
          k: "field",
          path: r.pick([
            "$.Release.Name",
            "$.Chart.Name",
            "$.Template.Name",
            "$.Capabilities.KubeVersion.Version",
          ]),
        };
      if (x < 0.68 && kind === "map")
        return {
          k: "field",
          path: r.pick(["$.Values", "$.Release", "$.Capabilities"]),
        };
      if (x < 0.7 && vars.length > 0) return { k: "var", name: r.pick(vars) };
    }
    if (depth > 2) return this.literal(kind);
    return { k: "pipe", pipe: this.pipe(vars, depth + 1, kind) };
  }

  cmd(vars: string[], depth: number, fn: string): Cmd {
    const r = this.rng;
    if (fn === "include") {
      return {
        fn: "include",
        args: [
          { k: "lit", text: JSON.stringify(r.pick(this.defines).name) },
          r.chance(0.7)
            ? { k: "var", name: "$" }
            : this.arg("any", vars, depth),
        ],
      };
    }
    const kinds = FUNCS[fn];
    const args = kinds.map((k) =>
      COUNTED.has(fn) && k === "int"
        ? ({ k: "lit", text: r.pick(SMALL_INTS) } as Arg)
        : this.arg(k, vars, depth),
    );
    if (fn === "printf")
      args[0] = {
        k: "lit",
        text: JSON.stringify(
          Array.from({ length: 1 + r.int(2) }, () => r.pick(FORMATS)).join(" "),
        ),
      };
    if (fn === "tpl")
      args[0] = {
        k: "lit",
        text: JSON.stringify(
          r.pick([
            "{{ . }}",
            "{{ .Values }}",
            "x{{ 1 }}",
            "{{ len . }}",
            "{{ .Release.Name }}",
          ]),
        ),
      };
    if (NEEDS_SORT.has(fn))
      return {
        fn: "sortAlpha",
        args: [{ k: "pipe", pipe: { cmds: [{ fn, args }] } }],
      };
    return { fn, args };
  }

  /** A pipeline, mostly yielding `want`; later stages take the previous result as last argument. */
  pipe(vars: string[], depth = 0, want: Kind = "any"): Pipe {
    const r = this.rng;
    const firstFn =
      want === "any"
        ? r.chance(0.08) && this.defines.length > 0
          ? "include"
          : r.pick(FUNC_NAMES)
        : r.pick(BY_RETURN(want).length > 0 ? BY_RETURN(want) : FUNC_NAMES);
    const first: Cmd =
      want === "any" && r.chance(0.3)
        ? { fn: null, args: [this.arg("any", vars, depth + 1)] }
        : this.cmd(vars, depth, firstFn);
    const cmds = [first];
    let last: Kind = first.fn ? (RETURNS[first.fn] ?? "any") : "any";
    for (let i = want === "any" ? r.int(3) : 0; i > 0 && depth < 2; i--) {
      const fn = r.chance(0.85) ? r.pick(TAKES_LAST(last)) : r.pick(FUNC_NAMES);
      const c = this.cmd(vars, depth + 1, fn);
      if (c.args.length > 0) c.args.pop();
      cmds.push(c);
      last = RETURNS[fn] ?? "any";
    }
    return { cmds };
  }

  body(
    vars: string[],
    depth: number,
    inRange: boolean,
    n = 1 + this.rng.int(4),
  ): Node[] {
    const out: Node[] = [];
    const scope = [...vars];
    for (let i = 0; i < n; i++) out.push(this.node(scope, depth, inRange));
    return out;
  }

  node(vars: string[], depth: number, inRange: boolean): Node {
    const r = this.rng;
    const x = r.next();
    const trim = (): boolean => r.chance(0.25);
    if (x < 0.2)
      return {
        k: "text",
        text: r.pick([
          "",
          " ",
          "\n",
          "x",
          " a: ",
          "\n  ",
          "é",
          "\t-\n",
          "---\n",
        ]),
      };
    if (x < 0.5 || depth > 2) {
      const pipe = this.pipe(vars);
      if (r.chance(0.2)) {
        const name = `$v${this.names++}`;
        vars.push(name);
        return {
          k: "action",
          pipe: { ...pipe, decl: [name] },
          trimL: trim(),
          trimR: trim(),
        };
      }
      if (r.chance(0.1) && vars.length > 0)
        return {
          k: "action",
          pipe: { ...pipe, decl: [r.pick(vars)], assign: true },
          trimL: trim(),
          trimR: trim(),
        };
      return { k: "action", pipe, trimL: trim(), trimR: trim() };
    }
    if (x < 0.55) return { k: "comment", trimL: trim(), trimR: trim() };
    if (x < 0.7) {
      const k = r.chance(0.5) ? "if" : "with";
      const elifs = Array.from({ length: r.chance(0.3) ? 1 : 0 }, () => ({
        pipe: this.pipe(vars),
        body: this.body(vars, depth + 1, inRange),
      }));
      return {
        k,
        pipe: this.pipe(vars, 0, r.pick(["bool", "any", "str"] as Kind[])),
        body: this.body(vars, depth + 1, inRange),
        elifs,
        els: r.chance(0.4) ? this.body(vars, depth + 1, inRange) : null,
      };
    }
    if (x < 0.82) {
      const pipe = this.pipe(
        vars,
        0,
        r.pick(["list", "map", "list"] as Kind[]),
      );
      const inner = [...vars];
      if (r.chance(0.6)) {
        const names = r.chance(0.5)
          ? [`$i${this.names}`, `$e${this.names}`]
          : [`$e${this.names}`];
        this.names++;
        pipe.decl = names;
        inner.push(...names);
      }
      if (r.chance(0.5))
        pipe.cmds = [
          {
            fn: null,
            args: [
              r.pick([
                this.literal("list"),
                this.literal("map"),
                { k: "field", path: r.pick(this.paths) } as Arg,
                { k: "lit", text: r.pick(SMALL_INTS) } as Arg,
              ]),
            ],
          },
        ];
      return {
        k: "range",
        pipe,
        body: this.body(inner, depth + 1, true),
        els: r.chance(0.3) ? this.body(vars, depth + 1, inRange) : null,
      };
    }
    if (x < 0.87 && inRange) return { k: r.chance(0.5) ? "break" : "continue" };
    if (x < 0.93 && this.defines.length > 0) {
      const pipe: Pipe | null = r.chance(0.6)
        ? { cmds: [{ fn: null, args: [{ k: "var", name: "$" }] }] }
        : r.chance(0.7)
          ? this.pipe(vars)
          : null;
      return { k: "template", name: r.pick(this.defines).name, pipe };
    }
    return {
      k: "block",
      name: `${this.id}_b${this.names++}`,
      pipe: this.pipe(vars),
      body: this.body(["$"], depth + 1, false, 1 + r.int(2)),
    };
  }
}

/** One random case; `id` keeps its template names apart from other cases in the same chart. */
export function genCase(rng: Rng, values: unknown, id: string): FuzzCase {
  const paths = valuePaths(values);
  const defines: Define[] = [];
  const gen = new Gen(rng, paths, id, defines);
  for (let i = rng.int(3); i > 0; i--) {
    // A define only calls earlier ones, so nothing recurses without end.
    const body = gen.body(["$"], 1, false, 1 + rng.int(3));
    defines.push({ name: `${id}_d${defines.length}`, body });
  }
  return { defines, body: gen.body(["$"], 0, false, 1 + rng.int(3)) };
}

function printArg(a: Arg): string {
  switch (a.k) {
    case "lit":
      return a.text;
    case "field":
      return a.path;
    case "var":
      return a.name;
    case "pipe":
      return `(${printPipe(a.pipe)})`;
  }
}

function printPipe(p: Pipe): string {
  const cmds = p.cmds
    .map((c) =>
      [c.fn, ...c.args.map(printArg)].filter((x) => x !== null).join(" "),
    )
    .join(" | ");
  return p.decl
    ? `${p.decl.join(", ")} ${p.assign ? "=" : ":="} ${cmds}`
    : cmds;
}

const open = (trim: boolean): string => (trim ? "{{- " : "{{ ");
const close = (trim: boolean): string => (trim ? " -}}" : " }}");

export function printNodes(nodes: Node[]): string {
  return nodes.map(printNode).join("");
}

function printNode(n: Node): string {
  switch (n.k) {
    case "text":
      return n.text;
    case "action":
      return `${open(n.trimL)}${printPipe(n.pipe)}${close(n.trimR)}`;
    case "comment":
      return `${n.trimL ? "{{- " : "{{"}/* c */${n.trimR ? " -}}" : "}}"}`;
    case "if":
    case "with": {
      let s = `{{ ${n.k} ${printPipe(n.pipe)} }}${printNodes(n.body)}`;
      for (const e of n.elifs)
        s += `{{ else ${n.k} ${printPipe(e.pipe)} }}${printNodes(e.body)}`;
      if (n.els) s += `{{ else }}${printNodes(n.els)}`;
      return `${s}{{ end }}`;
    }
    case "range":
      return `{{ range ${printPipe(n.pipe)} }}${printNodes(n.body)}${n.els ? `{{ else }}${printNodes(n.els)}` : ""}{{ end }}`;
    case "template":
      return `{{ template ${JSON.stringify(n.name)}${n.pipe ? ` ${printPipe(n.pipe)}` : ""} }}`;
    case "block":
      return `{{ block ${JSON.stringify(n.name)} ${printPipe(n.pipe)} }}${printNodes(n.body)}{{ end }}`;
    case "break":
    case "continue":
      return `{{ ${n.k} }}`;
  }
}

/** The case's template file: its defines, then its body as `define "<id>"`. */
export function printCase(c: FuzzCase, id: string): string {
  return `${c.defines.map((d) => `{{ define ${JSON.stringify(d.name)} }}${printNodes(d.body)}{{ end }}`).join("")}{{ define ${JSON.stringify(id)} }}${printNodes(c.body)}{{ end }}`;
}

/** Smaller variants of a case, biggest cuts first, for shrinking a difference. */
export function* shrinkCandidates(c: FuzzCase): Generator<FuzzCase> {
  for (let i = 0; i < c.defines.length; i++) {
    const used =
      JSON.stringify(c).split(JSON.stringify(c.defines[i].name)).length > 2;
    if (!used) yield { ...c, defines: c.defines.filter((_, j) => j !== i) };
  }
  for (const body of shrinkNodes(c.body)) yield { ...c, body };
  for (let i = 0; i < c.defines.length; i++) {
    for (const body of shrinkNodes(c.defines[i].body))
      yield {
        ...c,
        defines: c.defines.map((d, j) => (j === i ? { ...d, body } : d)),
      };
  }
}

function* shrinkNodes(nodes: Node[]): Generator<Node[]> {
  for (let i = 0; i < nodes.length; i++)
    yield [...nodes.slice(0, i), ...nodes.slice(i + 1)];
  for (let i = 0; i < nodes.length; i++) {
    for (const n of shrinkNode(nodes[i]))
      yield [...nodes.slice(0, i), ...n, ...nodes.slice(i + 1)];
  }
}

function* shrinkNode(n: Node): Generator<Node[]> {
  switch (n.k) {
    case "if":
    case "with":
    case "range":
      yield n.body;
      if (n.els) yield n.els;
      if (n.els) yield [{ ...n, els: null } as Node];
      if (n.k !== "range" && n.elifs.length > 0) yield [{ ...n, elifs: [] }];
      for (const body of shrinkNodes(n.body)) yield [{ ...n, body } as Node];
      if (n.els)
        for (const els of shrinkNodes(n.els)) yield [{ ...n, els } as Node];
      for (const pipe of shrinkPipe(n.pipe)) yield [{ ...n, pipe } as Node];
      break;
    case "block":
      yield n.body;
      for (const body of shrinkNodes(n.body)) yield [{ ...n, body }];
      for (const pipe of shrinkPipe(n.pipe)) yield [{ ...n, pipe }];
      break;
    case "action":
      if (n.trimL || n.trimR) yield [{ ...n, trimL: false, trimR: false }];
      for (const pipe of shrinkPipe(n.pipe)) yield [{ ...n, pipe }];
      break;
    case "template":
      if (n.pipe) for (const pipe of shrinkPipe(n.pipe)) yield [{ ...n, pipe }];
      break;
    default:
      break;
  }
}

function* shrinkPipe(p: Pipe): Generator<Pipe> {
  if (p.cmds.length > 1) {
    yield { ...p, cmds: p.cmds.slice(0, -1) };
    yield {
      ...p,
      cmds: p.cmds
        .slice(1)
        .map((c, i) => (i === 0 ? { ...c, args: [...c.args] } : c)),
    };
  }
  for (let i = 0; i < p.cmds.length; i++) {
    const c = p.cmds[i];
    for (let j = 0; j < c.args.length; j++) {
      const a = c.args[j];
      const with_ = (x: Arg): Pipe => ({
        ...p,
        cmds: p.cmds.map((cc, ii) =>
          ii === i
            ? { ...cc, args: cc.args.map((aa, jj) => (jj === j ? x : aa)) }
            : cc,
        ),
      });
      if (a.k === "pipe") {
        for (const q of shrinkPipe(a.pipe)) yield with_({ k: "pipe", pipe: q });
        if (a.pipe.cmds.length === 1 && a.pipe.cmds[0].fn === null)
          yield with_(a.pipe.cmds[0].args[0]);
      }
      if (!(a.k === "lit" && a.text.length <= 3))
        yield with_({ k: "lit", text: "1" });
      if (!(a.k === "lit" && a.text === '"a"'))
        yield with_({ k: "lit", text: '"a"' });
    }
  }
}
