import { describe, expect, it } from 'vitest';
import { checkAgainstChart, type ChartContext } from './compat';
import type { ChartroomConfig } from './config';

const ctx: ChartContext = {
  name: 'demo',
  version: '2.0.0',
  defaults: { image: { repository: 'r', tag: 't' }, podAnnotations: {}, sub: { enabled: true } },
  schema: {
    type: 'object',
    properties: {
      image: { type: 'object', properties: { repository: { type: 'string' }, tag: { type: 'string' }, digest: { type: 'string' } } },
      podAnnotations: { type: 'object', additionalProperties: { type: 'string' } },
      labels: { type: 'object' },
    },
  },
  passThrough: ['global', 'sub'],
};

const config = (values: string, version = '2.0.0', name = 'demo'): ChartroomConfig => ({
  format: 1, chart: { name, version }, release: { name: 'r', namespace: 'n' }, values,
});

describe('checkAgainstChart', () => {
  it.each([
    ['everything applies', config('image:\n  tag: x\n  digest: sha\npodAnnotations:\n  a: b\nlabels:\n  any: thing\n'), [], []],
    ['a key the chart dropped', config('image:\n  pullPolicy: Always\nold: 1\n'), ['values: image.pullPolicy', 'values: old'], [/not options of demo 2\.0\.0/]],
    ['subchart and global values pass through', config('sub:\n  anything: 1\nglobal:\n  x: 1\n'), [], []],
    ['another version, all applies', config('image:\n  tag: x\n', '1.0.0'), [], [/made for demo 1\.0\.0; you have 2\.0\.0 open\. All of its values still apply/]],
    ['another version, some dropped', config('legacy: true\n', '1.0.0'), ['values: legacy'], [/no longer apply.*values: legacy/]],
    ['another chart', config('', '1.0.0', 'other'), [], [/made for the chart "other"/]],
  ])('%s', (_, c, unknown, notices) => {
    const r = checkAgainstChart(c, ctx);
    expect(r.unknownPaths).toEqual(unknown);
    expect(r.notices).toHaveLength(notices.length);
    notices.forEach((n, i) => expect(r.notices[i]).toMatch(n));
  });
});
