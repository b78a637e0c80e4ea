import { describe, expect, it } from 'vitest';
import { locateRenderError, schemaErrorsByPath, schemaProblems } from './render-errors';

describe('locateRenderError', () => {
  const rows: { msg: string; want: ReturnType<typeof locateRenderError> }[] = [
    { msg: 'execution error at (aeterna/templates/_validation.tpl:12:4): postgresql.external.host is required', want: { file: 'aeterna/templates/_validation.tpl', line: 12, column: 4 } },
    { msg: 'template: t/templates/a.yaml:1:10: executing "t/templates/a.yaml" at <.Values.x.y>: nil pointer', want: { file: 't/templates/a.yaml', line: 1, column: 10 } },
    { msg: 'parse error at (t/templates/a.yaml:7): missing value for if', want: { file: 't/templates/a.yaml', line: 7 } },
    { msg: 'YAML parse error on t/templates/a.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed', want: { file: 't/templates/a.yaml', line: 2, inRenderedOutput: true } },
    { msg: 'failed to parse values.yaml: error converting YAML to JSON', want: null },
    {
      msg: 't/templates/a.yaml:3:7\n  executing "t/templates/a.yaml" at <include "x" .>:\n    error calling include:\nt/templates/_h.tpl:1:20\n  executing "x" at <.Values.a.b>:\n    nil pointer evaluating interface {}.b',
      want: { file: 't/templates/a.yaml', line: 3, column: 7 },
    },
  ];
  for (const r of rows) it(r.msg.slice(0, 40), () => expect(locateRenderError(r.msg)).toEqual(r.want));
});

describe('schemaProblems', () => {
  const msg = "values don't meet the specifications of the schema(s) in the following chart(s):\naeterna:\n- postgresql.external.port: Must be less than or equal to 65535\n- (root): Additional property x is not allowed\nsub:\n- a: Invalid type\n";
  it('lists every problem with its chart', () =>
    expect(schemaProblems(msg)).toEqual([
      { chart: 'aeterna', path: 'postgresql.external.port', message: 'Must be less than or equal to 65535' },
      { chart: 'aeterna', path: '(root)', message: 'Additional property x is not allowed' },
      { chart: 'sub', path: 'a', message: 'Invalid type' },
    ]));
  it('maps them to values paths', () =>
    expect(schemaErrorsByPath(schemaProblems(msg), 'aeterna')).toEqual({
      'postgresql.external.port': ['Must be less than or equal to 65535'],
      '': ['Additional property x is not allowed'],
      'sub.a': ['Invalid type'],
    }));
  it('ignores other messages', () => expect(schemaProblems('template: x')).toEqual([]));
  it("reads Helm 4's trees: the innermost problems, at values paths", () => {
    const v6 =
      "values don't meet the specifications of the schema(s) in the following chart(s):\naeterna:\n- at '/port': maximum: got 70,000, want 65,535\n- at '/name': validation failed\n  - at '/name': minLength: got 1, want 2\n  - at '/name': 'X' does not match pattern '^[a-z]+$'\n- at '': missing property 'image'\n- at '/a~1b/c': got string, want object\n";
    expect(schemaProblems(v6)).toEqual([
      { chart: 'aeterna', path: 'port', message: 'maximum: got 70,000, want 65,535' },
      { chart: 'aeterna', path: 'name', message: 'minLength: got 1, want 2' },
      { chart: 'aeterna', path: 'name', message: "'X' does not match pattern '^[a-z]+$'" },
      { chart: 'aeterna', path: '(root)', message: "missing property 'image'" },
      { chart: 'aeterna', path: 'a/b.c', message: 'got string, want object' },
    ]);
  });
});
