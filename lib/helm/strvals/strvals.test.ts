/**
 * strvals: one row per parsing behaviour, each checked against the reference helm (`helm template
 * --set...` printing `.Values` and Go types), plus exact results for rows helm can't show
 * directly (the map before coalescing).
 */
import { describe, expect, it } from 'vitest';
import { GoInt, toPlain, typeName, type GoMap, type GoValue } from '../../go/value';
import { helmValues, ourValues } from '../../../tests/helm/values-diff';
import { REFERENCE } from '../../../tests/helm/reference';
import { parseSet, parseSetFile, parseSetJson, parseSetLiteral, parseSetString } from './index';

type Flag = '--set' | '--set-string' | '--set-json' | '--set-literal';

const ROWS: [Flag, string][] = [
  ['--set', 'a=1,b=true,c=FALSE,d=null,e=str'],
  ['--set', 'num=007,neg=-12,plus=+3,zero=0,negzero=-0,float=1.5,exp=1e3'],
  ['--set', 'big=9223372036854775807,over=9223372036854775808'],
  ['--set', 'a.b.c=deep,a.b.d=2'],
  ['--set', 'list={1,two,true},empty={},one={x}'],
  ['--set', 'l[0]=a,l[2]=c'],
  ['--set', 'l[1].name=x,l[1].v=2,l[0].name=y'],
  ['--set', 'm[0][1]=x,m[1][0][0]=y'],
  ['--set', 'esc=a\\,b\\=c\\.d,k\\.dot=1,back=\\\\'],
  ['--set', 'a=,b='],
  ['--set', 'a=x=y'],
  ['--set', 'a.b=1,a.c=2'],
  ['--set', 'a=1,a=2'],
  ['--set', 'list={a,b},list[3]=d'],
  ['--set', 'x[0'],
  ['--set', 'a.'],
  ['--set', 'a'],
  ['--set', 'a,b=1'],
  ['--set', 'a[x]=1'],
  ['--set', 'a[-1]=1'],
  ['--set', 'a[0]b=1'],
  ['--set', 'a[65537]=1'],
  ['--set', 'a={b'],
  ['--set', 'a=1,a[0]=2'],
  ['--set', 'a=1,a.b=2'],
  ['--set', 'a[0]=1,a[0][0]=2'],
  ['--set', `${'a.'.repeat(31)}b=1`],
  ['--set', `${'a.'.repeat(30)}b=1`],
  ['--set-string', 'a=1,b=true,c=null,d={1,2},e.f=007'],
  ['--set-string', 'l[0]=1'],
  ['--set-json', 'a=1,b="s",c=[1,{"x":null}],d={"k":[true]},e=,f=null'],
  ['--set-json', 'a=1 , b=2'],
  ['--set-json', 'l[1]={"a":1},l[0]=2'],
  ['--set-json', 'a={"x":1}tail=3'],
  ['--set-json', 'a=nope'],
  ['--set-json', 'a={"x":'],
  ['--set-literal', 'a=1,b=2'],
  ['--set-literal', 'a.b[1]=x\\y{z}'],
  ['--set-literal', 'a='],
  ['--set-literal', 'a'],
  ['--set-literal', 'a[0].b=1'],
  ['--set-literal', 'a[0'],
  ['--set-literal', 'a[0]b=1'],
  ['--set-literal', 'a[1]=x,a[0]=y'],
  // A name ending inside `[`: an error in Helm 3, the end of the line in Helm 4 (what came before stays).
  ['--set', 'a=1,b[0'],
  ['--set', 'a[0]=x,a[1][2'],
  ['--set-json', 'a=1,b[0'],
  ['--set-literal', 'a.b[0'],
];

function typeMap(v: GoValue, prefix = ''): string[] {
  if (v instanceof Map) return [...v].flatMap(([k, x]) => typeMap(x, prefix ? `${prefix}.${k}` : k));
  if (Array.isArray(v)) return v.flatMap((x, i) => typeMap(x, `${prefix}.${i}`));
  return [`${prefix}:${typeName(v)}`];
}

function scalarPaths(v: GoValue, prefix = ''): string[] {
  if (v instanceof Map) return [...v].flatMap(([k, x]) => scalarPaths(x, prefix ? `${prefix}.${k}` : k));
  if (Array.isArray(v)) return v.flatMap((x, i) => scalarPaths(x, `${prefix}.${i}`));
  return v === null ? [] : [prefix];
}

const chart = { 'Chart.yaml': 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n' };

describe(`strvals matches helm ${REFERENCE.release}`, () => {
  it.each(ROWS)('%s %s', async (flag, line) => {
    let paths: string[] = [];
    try {
      const parse = { '--set': parseSet, '--set-string': parseSetString, '--set-json': parseSetJson, '--set-literal': parseSetLiteral }[flag];
      paths = scalarPaths(parse(line, undefined, REFERENCE.setting)).filter((p) => !p.includes('..') && p !== '' && !/[\\]/.test(p) && !line.includes('\\.'));
    } catch {
      // The error itself is compared below.
    }
    const c = { name: line, chart, args: [flag, line], types: paths };
    const want = await helmValues(c);
    const got = ourValues(c);
    expect(got.error).toEqual(want.error);
    expect(got.values).toEqual(want.values);
    expect(got.types).toEqual(want.types);
  });
});

describe('strvals results before coalescing', () => {
  it('keeps nulls and Go types', () => {
    const m = parseSet('a=null,b=12,c={x,3}');
    expect(typeMap(m)).toEqual(['a:<nil>', 'b:int64', 'c.0:string', 'c.1:int64']);
  });
  it('fills list holes with nil', () => {
    expect(toPlain(parseSet('l[2]=x'))).toEqual({ l: [null, null, 'x'] });
  });
  it('merges into an existing map', () => {
    const dest: GoMap = new Map([['keep', 1]]);
    parseSet('a.b=1', dest);
    expect(toPlain(dest)).toEqual({ keep: 1, a: { b: 1 } });
  });
  it('reads --set-file values through the given reader', () => {
    const m = parseSetFile('a=one.txt,b[0]=two.txt', (p) => `<${p}>`);
    expect(toPlain(m)).toEqual({ a: '<one.txt>', b: ['<two.txt>'] });
  });
  it('--set-file reader errors propagate', () => {
    expect(() =>
      parseSetFile('a=x', () => {
        throw new Error('open x: no such file or directory');
      }),
    ).toThrow('open x: no such file or directory');
  });
  it('--set-json numbers are float64', () => {
    expect(parseSetJson('a=3').get('a')).toBe(3);
    expect(parseSet('a=3').get('a')).toEqual(new GoInt(3n, 'int64'));
  });
});
