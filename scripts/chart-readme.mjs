#!/usr/bin/env node
// Renders a chart's values table into its README.md from the `# --` comments in values.yaml,
// following helm-docs' comment grammar so charts documented for helm-docs read the same here:
//
//   # -- Description of the key below (continues on following `#` lines)
//   # @default -- text shown instead of the literal default
//   key: value
//
// `# -- (type) description` overrides the inferred type. Documented keys are listed at any depth
// (a documented map is one row holding its whole default); undocumented leaves are listed with an
// empty description, as helm-docs does. Keys inside lists are never listed.
//
// The table replaces whatever sits between `<!-- chart-readme:values:start -->` and
// `<!-- chart-readme:values:end -->` in README.md, so the prose around it stays hand-written.
//
// Usage: node scripts/chart-readme.mjs <chart-dir> [--check]
//   --check  exit 1 (and print nothing else) when README.md is not up to date
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const START_MARKER = '<!-- chart-readme:values:start -->';
export const END_MARKER = '<!-- chart-readme:values:end -->';

const KEY_LINE = /^( *)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"-][^:#]*?|-[^\s:#][^:#]*?):(?:\s|$)/;

/** Collects documentation per dotted key path from the comment blocks above each key. */
export function collectComments(valuesText) {
  const docs = new Map();
  const stack = []; // { indent, key }
  let block = [];
  let inList = -1; // indentation of the innermost list we are inside, -1 when none
  for (const line of valuesText.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) {
      block.push(trimmed);
      continue;
    }
    if (trimmed === '') {
      block = [];
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (inList >= 0 && indent > inList) {
      block = [];
      continue;
    }
    inList = -1;
    if (trimmed.startsWith('- ') || trimmed === '-') {
      inList = indent;
      block = [];
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m) {
      block = [];
      continue;
    }
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = unquote(m[2].trim());
    stack.push({ indent, key });
    const doc = parseBlock(block);
    if (doc) docs.set(stack.map((s) => s.key).join('.'), doc);
    block = [];
  }
  return docs;
}

function unquote(key) {
  if (key.startsWith('"')) return JSON.parse(key);
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** Reads one comment block; returns null unless it holds a `# --` line. */
function parseBlock(lines) {
  const start = lines.findIndex((l) => /^#\s*--(\s|$)/.test(l));
  if (start < 0) return null;
  let type;
  let defaultText;
  const text = [];
  for (let i = start; i < lines.length; i++) {
    const body = lines[i].replace(/^#\s?/, '');
    const dflt = /^@default\s*--\s*(.*)$/.exec(body.trim());
    if (dflt) {
      defaultText = dflt[1];
      continue;
    }
    if (/^@/.test(body.trim())) continue;
    if (i === start) {
      let first = body.replace(/^\s*--\s?/, '');
      const t = /^\((\w+)\)\s*(.*)$/.exec(first);
      if (t) {
        type = t[1];
        first = t[2];
      }
      text.push(first.trim());
    } else {
      text.push(body.trim());
    }
  }
  return { description: text.filter((t) => t !== '').join(' '), type, defaultText };
}

function typeOf(value) {
  if (value === null || value === undefined) return 'string';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'object') return 'object';
  return 'string';
}

/** Every row of the table, sorted by key: documented keys plus undocumented leaves. */
export function valueRows(valuesText) {
  const values = parse(valuesText) ?? {};
  const docs = collectComments(valuesText);
  const rows = [];
  const visit = (node, path) => {
    const key = path.join('.');
    const doc = docs.get(key);
    const isMap = node !== null && typeof node === 'object' && !Array.isArray(node);
    const isEmptyMap = isMap && Object.keys(node).length === 0;
    if (path.length && (doc || !isMap || isEmptyMap)) {
      rows.push({
        key,
        type: doc?.type ?? typeOf(node),
        default: doc?.defaultText ?? `\`${JSON.stringify(node ?? null)}\``,
        description: doc?.description ?? '',
      });
    }
    if (isMap) for (const k of Object.keys(node)) visit(node[k], [...path, k]);
  };
  visit(values, []);
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders the Markdown values table. */
export function renderValuesTable(valuesText) {
  const lines = ['| Key | Type | Default | Description |', '|-----|------|---------|-------------|'];
  for (const r of valueRows(valuesText)) {
    lines.push(`| ${cell(r.key)} | ${cell(r.type)} | ${cell(r.default)} | ${cell(r.description)} |`);
  }
  return lines.join('\n');
}

/** Returns `readme` with the text between the markers replaced by `table`. */
export function updateReadme(readme, table) {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START_MARKER} ... ${END_MARKER}`);
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

function main(argv) {
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: chart-readme.mjs <chart-dir> [--check]');
    return 2;
  }
  const readmePath = join(dir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = updateReadme(readme, renderValuesTable(readFileSync(join(dir, 'values.yaml'), 'utf8')));
  if (argv.includes('--check')) {
    if (next !== readme) {
      console.error(`${readmePath} is out of date: run node scripts/chart-readme.mjs ${dir}`);
      return 1;
    }
    return 0;
  }
  if (next !== readme) writeFileSync(readmePath, next);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
