/**
 * Which values decide whether a template call runs: the `.Values` paths read by the `if`/`with`/
 * `range` conditions around it (and by the helpers those conditions include), or, for a call
 * inside a helper, by the arguments and conditions of the places that include the helper.
 * Static and approximate by nature: it names settings to look at, not a proof.
 */
import { parse, nodes, type Tree } from '../gotemplate';
import { chartFullPath, type Chart } from '../helm';

type Node = nodes.Node;
const { NodeType } = nodes;

interface ParsedChart {
  /** Every tree (files and defines) by the file it is written in. */
  byFile: Map<string, Tree[]>;
  /** Defines by name (the last parsed wins, as in helm; good enough for reading conditions). */
  defines: Map<string, Tree>;
  /** Answers already worked out, by question and call site: previews ask at every render. */
  answers: Map<string, string[]>;
}

/** `compute`'s answer for this chart and key, worked out once. */
function remembered(p: ParsedChart, key: string, compute: () => string[]): string[] {
  let a = p.answers.get(key);
  if (a === undefined) {
    a = compute();
    p.answers.set(key, a);
  }
  return a;
}

const parsedCharts = new WeakMap<Chart, ParsedChart>();
const decoder = new TextDecoder();

function parsedChart(chart: Chart): ParsedChart {
  let p = parsedCharts.get(chart);
  if (p) return p;
  p = { byFile: new Map(), defines: new Map(), answers: new Map() };
  const visit = (c: Chart) => {
    const prefix = chartFullPath(c);
    for (const t of c.templates) {
      const file = `${prefix}/${t.name}`;
      let trees: Map<string, Tree>;
      try {
        trees = parse(file, decoder.decode(t.data));
      } catch {
        continue; // A file that does not parse never rendered a call either.
      }
      p!.byFile.set(file, [...trees.values()]);
      for (const [name, tree] of trees) if (name !== file) p!.defines.set(name, tree);
    }
    c.dependencies.forEach(visit);
  };
  visit(chart);
  parsedCharts.set(chart, p);
  return p;
}

/** Child nodes of a node, for walking a parse tree. */
function children(n: Node): Node[] {
  switch (n.type) {
    case NodeType.List:
      return n.nodes;
    case NodeType.Action:
      return [n.pipe];
    case NodeType.Pipe:
      return n.cmds;
    case NodeType.Command:
      return n.args;
    case NodeType.Chain:
      return [n.node];
    case NodeType.If:
    case NodeType.Range:
    case NodeType.With:
      return [n.pipe, n.list, ...(n.elseList ? [n.elseList] : [])];
    case NodeType.Template:
      return n.pipe ? [n.pipe] : [];
    default:
      return [];
  }
}

/** The conditions around the node at `pos` (outermost first), or undefined when it is not in `root`. */
function enclosing(root: Node, match: (n: Node) => boolean): Node[] | undefined {
  const stack: Node[] = [];
  const walk = (n: Node): boolean => {
    if (match(n)) return true;
    if (n.type === NodeType.If || n.type === NodeType.With || n.type === NodeType.Range) {
      const b = n;
      if (walk(b.pipe)) return true;
      stack.push(b.pipe);
      if (walk(b.list) || (b.elseList && walk(b.elseList))) return true;
      stack.pop();
      return false;
    }
    return children(n).some(walk);
  };
  return walk(root) ? [...stack] : undefined;
}

/** `.Values` paths a node reads, following `include "name"` into helpers `depth` levels deep. */
function valuesRead(n: Node, p: ParsedChart, depth: number, out: Set<string>): void {
  if (n.type === NodeType.Field && n.ident[0] === 'Values' && n.ident.length > 1) out.add(n.ident.slice(1).join('.'));
  if (n.type === NodeType.Variable && n.ident[0] === '$' && n.ident[1] === 'Values' && n.ident.length > 2) out.add(n.ident.slice(2).join('.'));
  if (n.type === NodeType.Chain && n.field[0] === 'Values' && n.field.length > 1) out.add(n.field.slice(1).join('.'));
  const included = includedName(n);
  if (included !== undefined && depth > 0) {
    const tree = p.defines.get(included);
    if (tree?.root) valuesRead(tree.root, p, depth - 1, out);
  }
  for (const c of children(n)) valuesRead(c, p, depth, out);
}

/** The helper a command or `{{template}}` calls by a literal name. */
function includedName(n: Node): string | undefined {
  if (n.type === NodeType.Template) return n.name;
  if (n.type !== NodeType.Command) return undefined;
  const [fn, name] = n.args;
  if (fn?.type === NodeType.Identifier && (fn.ident === 'include' || fn.ident === 'template') && name?.type === NodeType.String) return name.text;
  return undefined;
}

/** Every ancestor of the first node matching, outermost first (undefined when none matches). */
function ancestors(root: Node, match: (n: Node) => boolean): Node[] | undefined {
  const stack: Node[] = [];
  const walk = (n: Node): boolean => {
    if (match(n)) return true;
    stack.push(n);
    if (children(n).some(walk)) return true;
    stack.pop();
    return false;
  };
  return walk(root) ? stack : undefined;
}

/**
 * For a call that is the fallback of `default` (`.Values.x | default (randAlphaNum 8)`), the
 * values paths whose non-empty value makes `default` ignore it.
 */
export function defaultGuards(chart: Chart, file: string, pos: number): string[] {
  const p = parsedChart(chart);
  return remembered(p, `guards\0${file}\0${pos}`, () => computeDefaultGuards(p, file, pos));
}

function computeDefaultGuards(p: ParsedChart, file: string, pos: number): string[] {
  const atCall = (n: Node) => n.type === NodeType.Identifier && n.pos === pos;
  for (const tree of p.byFile.get(file) ?? []) {
    const chain = tree.root && ancestors(tree.root, atCall);
    if (!chain) continue;
    // The nearest command around the call's own command.
    let i = chain.length - 1;
    const own = chain[i];
    if (own.type === NodeType.Command && own.args[0] && atCall(own.args[0])) i--;
    for (; i > 0; i--) {
      const cmd = chain[i];
      if (cmd.type !== NodeType.Command) continue;
      const [fn] = cmd.args;
      if (fn?.type !== NodeType.Identifier || fn.ident !== 'default' || cmd.args[1] !== chain[i + 1]) return [];
      const guards = new Set<string>();
      const given = cmd.args.slice(2);
      if (given.length) given.forEach((g) => valuesRead(g, p, 0, guards));
      else {
        // `x | default (call)`: the given value is the pipeline before this command.
        const pipe = chain[i - 1];
        if (pipe.type === NodeType.Pipe) pipe.cmds.slice(0, pipe.cmds.indexOf(cmd)).forEach((c) => valuesRead(c, p, 0, guards));
      }
      const prefix = valuesPrefix(file);
      return [...guards].map((v) => prefix + v).sort();
    }
    return [];
  }
  return [];
}

/** `a/charts/b/templates/x.yaml` → `b.`: where a subchart's values live in the parent's. */
function valuesPrefix(file: string): string {
  const parts = file.split('/charts/').slice(1).map((s) => s.slice(0, s.indexOf('/')));
  return parts.map((s) => `${s}.`).join('');
}

/**
 * The values paths that decide whether the call written at `file`/`pos` runs, by the values of
 * the chart at the top (subcharts' paths prefixed).
 */
export function decidingValues(chart: Chart, file: string, pos: number): string[] {
  const p = parsedChart(chart);
  return remembered(p, `deciding\0${file}\0${pos}`, () => computeDecidingValues(p, file, pos));
}

function computeDecidingValues(p: ParsedChart, file: string, pos: number): string[] {
  const found = new Set<string>();
  const atCall = (n: Node) => n.type === NodeType.Identifier && n.pos === pos;
  for (const tree of p.byFile.get(file) ?? []) {
    if (!tree.root) continue;
    const conditions = enclosing(tree.root, atCall);
    if (!conditions) continue;
    for (const c of conditions) valuesRead(c, p, 2, found);
    if (found.size === 0 && tree.name !== file) {
      // A helper: what decides is how and where it is included.
      for (const trees of p.byFile.values()) {
        for (const t of trees) {
          if (!t.root) continue;
          const sites: Node[] = [];
          const collect = (n: Node) => {
            if (includedName(n) === tree.name) sites.push(n);
            children(n).forEach(collect);
          };
          collect(t.root);
          for (const site of sites) {
            valuesRead(site, p, 0, found);
            for (const c of enclosing(t.root, (n) => n === site) ?? []) valuesRead(c, p, 1, found);
          }
        }
      }
    }
    break;
  }
  const prefix = valuesPrefix(file);
  return [...found].map((v) => prefix + v).sort();
}
