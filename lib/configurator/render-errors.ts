/**
 * Reading Helm's error messages for the UI: where a template failed (file, line, column) and
 * which values broke the chart's schema. The messages themselves are shown verbatim.
 */

/** A position in a chart file, 1-based. */
export interface SourceLocation {
  /** Template path as Helm names it, e.g. `aeterna/templates/deployment.yaml`. */
  file: string;
  line: number;
  column?: number;
  /** Whether the line counts in the rendered output (YAML errors), not in the template source. */
  inRenderedOutput?: boolean;
}

/** One schema violation: a dotted values path (`postgresql.external.port`) and its message. */
export interface SchemaProblem {
  chart: string;
  path: string;
  message: string;
}

const LOCATIONS: { re: RegExp; rendered?: boolean }[] = [
  // `fail`, `required` and other function errors: execution error at (file:line:col): msg
  { re: /execution error at \(([^():]+):(\d+):(\d+)\)/ },
  // text/template execution errors: template: file:line:col: executing ...
  { re: /template: ([^\s:]+):(\d+):(\d+): executing/ },
  // the same as Helm 4 lays them out: file:line:col, then `executing ...` on the next line
  { re: /^([^\s:]+):(\d+):(\d+)\n {2}executing/m },
  // parse errors: parse error at (file:line): msg
  { re: /parse error at \(([^():]+):(\d+)(?::(\d+))?\)/ },
  { re: /template: ([^\s:]+):(\d+): / },
  // invalid YAML after rendering: the line counts in the rendered text
  { re: /YAML parse error on ([^\s:]+): .*?line (\d+)/, rendered: true },
];

/** The template position a Helm error points at, or null. */
export function locateRenderError(message: string): SourceLocation | null {
  for (const { re, rendered } of LOCATIONS) {
    const m = re.exec(message);
    if (!m) continue;
    const loc: SourceLocation = { file: m[1], line: Number(m[2]) };
    if (m[3] !== undefined) loc.column = Number(m[3]);
    if (rendered) loc.inRenderedOutput = true;
    return loc;
  }
  return null;
}

export const SCHEMA_HEADER = "values don't meet the specifications of the schema(s) in the following chart(s):";

/** The violations listed in Helm's schema error, or [] for any other message. */
export function schemaProblems(message: string): SchemaProblem[] {
  if (!message.startsWith(SCHEMA_HEADER)) return [];
  const out: SchemaProblem[] = [];
  let chart = '';
  const lines = message.slice(SCHEMA_HEADER.length).split('\n');
  for (const [i, line] of lines.entries()) {
    // Helm 4 (jsonschema v6): `- at '/json/pointer': message`, causes indented below their
    // group (`validation failed`, `'allOf' failed`): the innermost lines say what is wrong.
    const at = V6_LINE.exec(line);
    if (at) {
      const next = V6_LINE.exec(lines[i + 1] ?? '');
      // A choice's group line stays too: each cause below it describes one option only.
      if (!next || next[1].length <= at[1].length || V6_CHOICE.test(at[3])) out.push({ chart, path: pointerToPath(at[2]), message: at[3] });
    } else if (line.startsWith('- ')) {
      const sep = line.indexOf(': ', 2);
      if (sep < 0) continue;
      out.push({ chart, path: line.slice(2, sep), message: line.slice(sep + 2) });
    } else if (line.endsWith(':')) chart = line.slice(0, -1);
  }
  return out;
}

const V6_CHOICE = /^'(anyOf|oneOf)' failed/;
const V6_LINE = /^( *)- at '((?:[^'\\]|\\.)*)': (.*)$/;

/** `/a/b~1c` → `a.b/c`; the root (empty pointer) is `(root)`, as Helm 3 names it. */
function pointerToPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Schema problems as form errors: values path (`postgresql.external.port`) → messages. Problems
 * on the root (`(root)`) are kept under the empty path.
 */
export function schemaErrorsByPath(problems: SchemaProblem[], chartName: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const path = p.chart === chartName ? (p.path === '(root)' ? '' : p.path) : `${p.chart}.${p.path}`;
    (out[path] ??= []).push(p.message);
  }
  return out;
}

/** The template path relative to its chart (`templates/deployment.yaml`) for a Helm path. */
export function chartRelativePath(helmPath: string): string {
  const i = helmPath.indexOf('/');
  return i < 0 ? helmPath : helmPath.slice(i + 1);
}
