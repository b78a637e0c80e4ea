/**
 * The values pipeline against helm 3.17.3: coalescing, subcharts and globals, null deletion,
 * conditions/tags/aliases, import-values, the --set family, -f ordering, schema errors,
 * .helmignore. Compares `.Values` structurally, Go types of chosen paths, errors exactly and
 * warnings as sets (Go iterates maps in random order).
 */
import { describe, expect, it } from 'vitest';
import { helmValues, ourValues, type ValuesCase } from '../../../tests/helm/values-diff';
import { REFERENCE } from '../../../tests/helm/reference';
import { isHelm4 } from '../version';
import { helmLogLine } from './warnings';

const chart = (name: string, extra = ''): string => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;
const deps = (list: string): string => chart('fixture', `dependencies:\n${list}`);

const CASES: ValuesCase[] = [
  {
    name: 'plain defaults and user values; YAML numbers are float64, --set ints int64',
    chart: { 'Chart.yaml': chart('fixture'), 'values.yaml': 'a: 1\nb: {c: 2.5, d: [1, two]}\nbig: 1000000\n' },
    args: ['--set', 'n=5,m=-3,z=0,lead=012,huge=9223372036854775808,t=TRUE,nil=null,s=abc'],
    types: ['a', 'b.c', 'big', 'n', 'm', 'z', 'lead', 'huge', 't', 'nil', 's'],
  },
  {
    name: 'null deletes defaults at every level, unknown nulls stay',
    chart: { 'Chart.yaml': chart('fixture'), 'values.yaml': 'a: 1\nb: {x: 1, y: {z: 2}}\nc: [1]\n' },
    args: ['--set', 'a=null,b.y.z=null,b.q=null,top=null'],
  },
  {
    name: 'tables vs scalars warn and keep the user side',
    chart: { 'Chart.yaml': chart('fixture'), 'values.yaml': 'a: {x: 1}\nb: 3\nc: {d: {e: 1}}\n' },
    args: ['--set', 'a=1,b.x=2,c.d=5'],
  },
  {
    name: 'subchart defaults, parent overrides, globals flow down',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'global: {g: 1, t: {a: 1}}\nsub: {a: 5, n: {x: 1}}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'a: 1\nb: 2\nn: {x: 0, y: 0}\nglobal: {g: 0, own: true, t: {b: 2}}\n',
    },
    args: ['--set', 'global.u=7,sub.b=9'],
    types: ['sub.a', 'sub.b', 'global.u', 'sub.global.u'],
  },
  {
    name: 'null for a subchart default survives to the subchart',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'sub: {a: 5}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'a: 1\nb: 2\nc: {d: 1}\n',
    },
    args: ['--set', 'sub.a=null,sub.c.d=null,sub.zz=null'],
  },
  {
    name: 'nested subcharts and globals two levels down',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'global: {level: top, m: {a: 1}}\n',
      'charts/mid/Chart.yaml': chart('mid'),
      'charts/mid/values.yaml': 'global: {m: {b: 2}}\nleaf: {v: from-mid}\n',
      'charts/mid/charts/leaf/Chart.yaml': chart('leaf'),
      'charts/mid/charts/leaf/values.yaml': 'v: leaf\nglobal: {m: {c: 3}}\n',
    },
  },
  {
    name: 'condition false disables, condition with missing path keeps, tags',
    chart: {
      'Chart.yaml': deps(
        '- {name: a, version: 0.1.0, condition: a.enabled}\n- {name: b, version: 0.1.0, condition: "missing.x,b.flag"}\n- {name: c, version: 0.1.0, tags: [front]}\n- {name: d, version: 0.1.0, tags: [back], condition: d.enabled}\n',
      ),
      'values.yaml': 'a: {enabled: false}\nb: {flag: false}\ntags: {front: false, back: false}\nd: {enabled: true}\n',
      'charts/a/Chart.yaml': chart('a'),
      'charts/a/values.yaml': 'x: a\n',
      'charts/b/Chart.yaml': chart('b'),
      'charts/b/values.yaml': 'x: b\n',
      'charts/c/Chart.yaml': chart('c'),
      'charts/c/values.yaml': 'x: c\n',
      'charts/d/Chart.yaml': chart('d'),
      'charts/d/values.yaml': 'x: d\n',
    },
  },
  {
    name: 'non-bool condition warns; user --set flips a condition',
    chart: {
      'Chart.yaml': deps('- {name: a, version: 0.1.0, condition: a.enabled}\n- {name: b, version: "~0.1", condition: b.enabled}\n'),
      'values.yaml': 'a: {enabled: "maybe"}\nb: {enabled: true}\n',
      'charts/a/Chart.yaml': chart('a'),
      'charts/b/Chart.yaml': chart('b'),
      'charts/b/values.yaml': 'k: 1\n',
    },
    args: ['--set', 'b.enabled=false'],
  },
  {
    name: 'alias copies the chart under its alias, twice',
    chart: {
      'Chart.yaml': deps('- {name: sub, version: 0.1.0, alias: one}\n- {name: sub, version: 0.1.0, alias: two, condition: two.enabled}\n'),
      'values.yaml': 'one: {v: 1}\ntwo: {enabled: true, v: 2}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'v: 0\nw: default\n',
    },
  },
  {
    name: 'import-values: child/parent form and exports string form; parent wins',
    chart: {
      'Chart.yaml': deps('- name: sub\n  version: 0.1.0\n  import-values:\n  - data\n  - {child: cfg, parent: imported.cfg}\n  - missing\n'),
      'values.yaml': 'shared: parent\nimported: {cfg: {b: parent}}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'exports: {data: {shared: child, only: child}}\ncfg: {a: child, b: child}\n',
    },
  },
  {
    name: 'library subchart values are coalesced too',
    chart: {
      'Chart.yaml': deps('- {name: lib, version: 0.1.0}\n'),
      'charts/lib/Chart.yaml': chart('lib', 'type: library\n'),
      'charts/lib/values.yaml': 'libval: 1\n',
    },
  },
  {
    name: '-f files merge in order, then --set-json, --set, --set-string, --set-file, --set-literal',
    chart: { 'Chart.yaml': chart('fixture'), 'values.yaml': 'a: {x: 1, y: 1}\n' },
    extraFiles: { 'one.yaml': 'a: {y: 2, z: 2}\nl: [1]\n', 'two.yaml': 'a: {z: 3}\nl: [2, 3]\n', 'f.txt': 'file\ncontent\n' },
    args: ['-f', 'one.yaml', '-f', 'two.yaml', '--set', 'k=set', '--set-json', 'k="json",j={"n":1.5,"m":[1,2]}', '--set-string', 's=007', '--set-file', 'f=f.txt', '--set-literal', 'lit=a,b=c\\d'],
    types: ['j.n', 's', 'l.0', 'a.z'],
  },
  {
    name: '--set lists, indexes and escapes',
    chart: { 'Chart.yaml': chart('fixture') },
    args: ['--set', 'list={a,b,3},idx[2]=x,n[0].k=v,n[1][0]=deep,esc=a\\,b,dot\\.key=1,eq=a\\=b,empty='],
    types: ['list.2', 'idx.0'],
  },
  {
    name: 'global conflicts: map onto scalar, scalar onto map, non-table globals',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'global: {m: {a: 1}, s: 1}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'global: {m: 5, s: {x: 1}}\n',
    },
  },
  {
    name: 'non-table global in a subchart section is skipped',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'global: {a: 1}\nsub: {global: 3}\n',
      'charts/sub/Chart.yaml': chart('sub'),
    },
  },
  {
    name: 'user nulls inside globals and subchart tables',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'global: {a: 1, b: {c: 1, d: 2}}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'global: {b: {e: 3}}\nk: {l: 1}\n',
    },
    args: ['--set', 'global.a=null,global.b.c=null,sub.k=null'],
  },
  {
    name: 'dependency version mismatch: alias not applied, subchart kept under its name',
    chart: {
      'Chart.yaml': deps('- {name: sub, version: "^2.0.0", alias: renamed, condition: sub.enabled}\n'),
      'values.yaml': 'sub: {enabled: false}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'v: 1\n',
    },
  },
  {
    name: 'subchart only in charts/ and a listed one without version',
    chart: {
      'Chart.yaml': deps('- {name: listed, condition: listed.enabled}\n'),
      'values.yaml': 'listed: {enabled: false}\n',
      'charts/listed/Chart.yaml': chart('listed'),
      'charts/listed/values.yaml': 'v: listed\n',
      'charts/extra/Chart.yaml': chart('extra'),
      'charts/extra/values.yaml': 'v: extra\n',
    },
  },
  {
    name: 'conditions of a sub-subchart are read under the parent path',
    chart: {
      'Chart.yaml': deps('- {name: mid, version: 0.1.0}\n'),
      'values.yaml': 'mid: {leaf: {enabled: false}}\n',
      'charts/mid/Chart.yaml': chart('mid', 'dependencies:\n- {name: leaf, version: 0.1.0, condition: leaf.enabled}\n'),
      'charts/mid/values.yaml': 'leaf: {enabled: true, v: 1}\n',
      'charts/mid/charts/leaf/Chart.yaml': chart('leaf'),
      'charts/mid/charts/leaf/values.yaml': 'v: 0\n',
    },
  },
  {
    name: 'non-bool tag warns',
    chart: {
      'Chart.yaml': deps('- {name: a, version: 0.1.0, tags: [t1, t2]}\n'),
      'values.yaml': 'tags: {t1: maybe, t2: false}\n',
      'charts/a/Chart.yaml': chart('a'),
    },
  },
  {
    name: 'import-values with nulls and into nested parents; aliased source',
    chart: {
      'Chart.yaml': deps('- name: sub\n  version: 0.1.0\n  alias: src\n  import-values:\n  - {child: cfg, parent: a.b}\n  - {child: cfg.inner, parent: flat}\n'),
      'values.yaml': 'a: {b: {keep: parent, gone: null}}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'cfg: {keep: child, gone: child, n: null, inner: {x: 1}}\n',
    },
  },
  {
    name: 'v1 chart with requirements.yaml',
    chart: {
      'Chart.yaml': 'apiVersion: v1\nname: fixture\nversion: 0.1.0\n',
      'requirements.yaml': 'dependencies:\n- {name: sub, version: 0.1.0, condition: sub.flag}\n',
      'values.yaml': 'sub: {flag: false}\n',
      'charts/sub/Chart.yaml': 'apiVersion: v1\nname: sub\nversion: 0.1.0\n',
    },
  },
  {
    name: 'every dependency disabled',
    chart: {
      'Chart.yaml': deps('- {name: a, version: 0.1.0, condition: a.flag}\n'),
      'values.yaml': 'a: {flag: false}\n',
      'charts/a/Chart.yaml': chart('a'),
      'charts/a/values.yaml': 'x: 1\n',
    },
  },
  {
    name: 'subchart values.yaml with a table where the parent has a scalar',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'sub: {t: scalar, s: {x: 1}}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 't: {a: 1}\ns: 2\n',
    },
  },
  {
    name: 'requirements.yaml in a v2 chart is read, with a warning',
    chart: {
      'Chart.yaml': chart('fixture'),
      'requirements.yaml': 'dependencies:\n- {name: sub, version: 0.1.0, condition: sub.flag}\n',
      'values.yaml': 'sub: {flag: false}\n',
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.yaml': 'v: 1\n',
    },
  },
  { name: '--set error: index too large', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set', 'a[70000]=1'] },
  { name: '--set error: unterminated list', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set', 'a={1,2'] },
  { name: '--set error: map over int', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set', 'a=2,a.b=1'] },
  { name: '--set-string error: key without value', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set-string', 'a=1,b'] },
  { name: '--set-json error', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set-json', 'a={bad'] },
  { name: '--set-literal error', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set-literal', 'a'] },
  { name: '--set-file missing file', chart: { 'Chart.yaml': chart('fixture') }, args: ['--set-file', 'a=nope.txt'] },
  {
    name: '-f file that is a list',
    chart: { 'Chart.yaml': chart('fixture') },
    extraFiles: { 'l.yaml': '- 1\n' },
    args: ['-f', 'l.yaml'],
  },
  {
    name: 'subchart key that is not a map',
    chart: { 'Chart.yaml': chart('fixture'), 'charts/sub/Chart.yaml': chart('sub') },
    args: ['--set', 'sub=3'],
  },
  {
    name: 'schema failures in parent and subchart',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'name: x\nport: 80\n',
      'values.schema.json': JSON.stringify({
        type: 'object',
        required: ['name', 'image'],
        properties: {
          name: { type: 'string', minLength: 3, pattern: '^[a-z]+$' },
          port: { type: 'integer', minimum: 1024, maximum: 65535 },
          mode: { enum: ['a', 'b'] },
          ratio: { type: 'number', exclusiveMaximum: 1 },
        },
        additionalProperties: false,
      }),
      'charts/sub/Chart.yaml': chart('sub'),
      'charts/sub/values.schema.json': JSON.stringify({ properties: { size: { type: 'string' }, list: { type: 'array', items: { type: 'integer' }, minItems: 3 } } }),
      'charts/sub/values.yaml': 'size: 1\nlist: [1, x]\n',
    },
    args: ['--set', 'mode=c,ratio=2'],
  },
  {
    name: 'schema: if/then/else, const, format, multipleOf, nullable types',
    chart: {
      'Chart.yaml': chart('fixture'),
      'values.yaml': 'kind: web\nversion: 2\nstep: 0.3\nwhen: not-a-date\nopt: null\n',
      'values.schema.json': JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        if: { properties: { kind: { const: 'web' } } },
        then: { required: ['port'] },
        properties: {
          version: { const: 3 },
          step: { multipleOf: 0.1 },
          when: { type: 'string', format: 'date-time' },
          opt: { type: ['string', 'integer'] },
        },
      }),
    },
  },
  {
    name: '.helmignore drops files, folders and subcharts',
    chart: {
      'Chart.yaml': chart('fixture'),
      '.helmignore': '# comment\nsecret.yaml\ncharts/skipped/\n*.bak\n',
      'values.yaml': 'a: 1\n',
      'secret.yaml': 'x',
      'notes.bak': 'x',
      'charts/skipped/Chart.yaml': chart('skipped'),
      'charts/skipped/values.yaml': 'gone: true\n',
      'charts/kept/Chart.yaml': chart('kept'),
    },
  },
  {
    name: 'Chart.yaml validation error',
    chart: { 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' },
  },
  {
    name: 'values.yaml that is not a map',
    chart: { 'Chart.yaml': chart('fixture'), 'values.yaml': '- a\n' },
  },
  {
    name: 'subchart with a bad Chart.yaml',
    chart: { 'Chart.yaml': chart('fixture'), 'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: nope\n' },
  },
];

function sorted(list: string[]): string[] {
  return [...list].sort();
}

/** Helm prints schema problems of sibling properties in Go map order: compare lines as a set. */
function normaliseError(e: string | undefined): string | undefined {
  if (e === undefined || !e.startsWith("values don't meet")) return e;
  return e.split('\n').sort().join('\n');
}

describe(`values pipeline matches helm ${REFERENCE.release}`, () => {
  it.each(CASES)('$name', async (c) => {
    const want = await helmValues(c);
    const got = ourValues(c);
    expect(normaliseError(got.error)).toEqual(normaliseError(want.error));
    expect(got.ok).toBe(want.ok);
    if (want.ok) {
      expect(got.values).toEqual(want.values);
      expect(got.types).toEqual(want.types);
    }
    // Helm 3's log lines are the bare texts behind a source position; Helm 4's are slog records.
    if (!isHelm4(REFERENCE.setting)) expect(sorted(got.warnings)).toEqual(sorted(want.warnings));
    expect(sorted(got.warnings.map((w) => helmLogLine(w, REFERENCE.setting)))).toEqual(sorted(want.rawWarnings ?? []));
  });
});
