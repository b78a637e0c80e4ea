import { describe, expect, it } from 'vitest';
import { YamlProblem } from './errors';
import { E } from './events';
import { Parser } from './parser';

const NAMES: Record<number, string> = {
  [E.STREAM_START]: '+STR',
  [E.STREAM_END]: '-STR',
  [E.DOCUMENT_START]: '+DOC',
  [E.DOCUMENT_END]: '-DOC',
  [E.MAPPING_START]: '+MAP',
  [E.MAPPING_END]: '-MAP',
  [E.SEQUENCE_START]: '+SEQ',
  [E.SEQUENCE_END]: '-SEQ',
  [E.SCALAR]: '=VAL',
  [E.ALIAS]: '=ALI',
};

/** The events of a text in the yaml-test-suite's notation (tags, anchors, scalar values). */
function events(text: string): string {
  const p = new Parser(text);
  const out: string[] = [];
  for (let ev = p.parse(); ev; ev = p.parse()) {
    let s = NAMES[ev.type];
    if (ev.anchor !== undefined) s += ev.type === E.ALIAS ? ` *${ev.anchor}` : ` &${ev.anchor}`;
    if (ev.tag) s += ` <${ev.tag}>`;
    if (ev.type === E.SCALAR) s += ` ${ev.implicit ? ':' : '"'}${ev.value}`;
    out.push(s);
  }
  return out.join(' ');
}

describe('events', () => {
  it.each([
    ['a: 1', '+STR +DOC +MAP =VAL :a =VAL :1 -MAP -DOC -STR'],
    ['- a\n- [b, c: d]', '+STR +DOC +SEQ =VAL :a +SEQ =VAL :b +MAP =VAL :c =VAL :d -MAP -SEQ -SEQ -DOC -STR'],
    ['k:\n- x\n- y', '+STR +DOC +MAP =VAL :k +SEQ =VAL :x =VAL :y -SEQ -MAP -DOC -STR'],
    ['? a\n: b', '+STR +DOC +MAP =VAL :a =VAL :b -MAP -DOC -STR'],
    ['a: &x !!str 1\nb: *x', '+STR +DOC +MAP =VAL :a =VAL &x <tag:yaml.org,2002:str> "1 =VAL :b =ALI *x -MAP -DOC -STR'],
    ['a: "q"\nb: |\n  l1\n  l2\n', '+STR +DOC +MAP =VAL :a =VAL "q =VAL :b =VAL "l1\nl2\n -MAP -DOC -STR'],
    ['a: >-\n  f1\n  f2\n\n  f3', '+STR +DOC +MAP =VAL :a =VAL "f1 f2\nf3 -MAP -DOC -STR'],
    ['plain\n  folded\n\n  text', '+STR +DOC =VAL :plain folded\ntext -DOC -STR'],
    ['%TAG !e! tag:e.com:\n--- !e!x a', '+STR +DOC =VAL <tag:e.com:x> "a -DOC -STR'],
    ['', '+STR -STR'],
    ['a\n---\nb', '+STR +DOC =VAL :a -DOC +DOC =VAL :b -DOC -STR'],
    ['a: b\u0085 c', '+STR +DOC +MAP =VAL :a =VAL :b c -MAP -DOC -STR'],
    ['a: "x\\u00e9\\x41\\N"', '+STR +DOC +MAP =VAL :a =VAL "xéA\u0085 -MAP -DOC -STR'],
  ])('%j', (text, want) => {
    expect(events(text)).toBe(want);
  });
});

function problem(text: string): string {
  try {
    events(text);
  } catch (e) {
    if (!(e instanceof YamlProblem)) throw e;
    const m = e.problemMark;
    return `${e.stage}: ${e.problem} at ${m ? `${m.line}:${m.column}` : '-'} (${e.context || 'no context'})`;
  }
  return 'ok';
}

describe('problems carry libyaml stage, marks and context', () => {
  it.each([
    ['a: b: c', "scanner: mapping values are not allowed in this context at 0:4 (no context)"],
    ['a: 1\nb\nc: 2', "scanner: could not find expected ':' at 2:0 (while scanning a simple key)"],
    ['a:\n  - 1\n  b: 2', "parser: did not find expected '-' indicator at 2:2 (while parsing a block collection)"],
    ['a: [1, 2', "parser: did not find expected ',' or ']' at 1:0 (while parsing a flow sequence)"],
    ['a: "x', 'scanner: found unexpected end of stream at 0:5 (while scanning a quoted scalar)'],
    ['a: *', 'scanner: did not find expected alphabetic or numeric character at 0:4 (while scanning an alias)'],
    ['a: !x!y z', 'parser: found undefined tag handle at 0:3 (while parsing a node)'],
    ['a: \u0001', 'reader: control characters are not allowed at - (no context)'],
    // A control character 512 bytes on stops the reader inside a long plain scalar, as go-yaml's buffered reader does.
    [`a: ${'x'.repeat(600)}\u0001`, 'reader: control characters are not allowed at - (no context)'],
    [`a: ${'😀'.repeat(200)}\u0001`, 'reader: control characters are not allowed at - (no context)'],
  ])('%j', (text, want) => {
    expect(problem(text)).toBe(want);
  });
});
