/** The pieces of scripts/gen-crd-schemas.ts that shape its output: merging types and finding integers. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dedupeDefs, renameDefs } from '../../scripts/crd-schema-dedupe';
import { integerFields } from '../../scripts/crd-schema-integers';
import { CRD_SCHEMAS } from '../../lib/validate/schema/crds';
import type { KubeSchemaData } from '../../lib/validate/schema/format';

const schema = (kinds: Record<string, string>, defs: KubeSchemaData['defs'], open?: string[]): KubeSchemaData => ({ version: 'crds', kinds, defs, ...(open ? { open } : {}) });

describe('dedupeDefs', () => {
  // [case, input, expected]
  const CASES: [string, KubeSchemaData, KubeSchemaData][] = [
    [
      'identical types merge under the shortest name',
      schema({ 'g/v1/A': 'A' }, { A: [{ x: '@LongRef', y: '[]@Ref' }], LongRef: [{ name: 's' }, ['name']], Ref: [{ name: 's' }, ['name']] }),
      schema({ 'g/v1/A': 'A' }, { A: [{ x: '@Ref', y: '[]@Ref' }], Ref: [{ name: 's' }, ['name']] }),
    ],
    [
      'types equal once their references merged merge on the next round',
      schema({ 'g/v1/A': 'A' }, { A: [{ p: '@P1', q: '@P2' }], P1: [{ r: '@R1' }], P2: [{ r: '@R2' }], R1: [{ n: 'n' }], R2: [{ n: 'n' }] }),
      schema({ 'g/v1/A': 'A' }, { A: [{ p: '@P1', q: '@P1' }], P1: [{ r: '@R1' }], R1: [{ n: 'n' }] }),
    ],
    [
      'required fields and openness keep types apart',
      schema({ 'g/v1/A': 'A' }, { A: [{ a: '@B', b: '@C', c: '@D' }], B: [{ n: 's' }], C: [{ n: 's' }, ['n']], D: [{ n: 's' }] }, ['D']),
      schema({ 'g/v1/A': 'A' }, { A: [{ a: '@B', b: '@C', c: '@D' }], B: [{ n: 's' }], C: [{ n: 's' }, ['n']], D: [{ n: 's' }] }, ['D']),
    ],
    [
      'names the validator looks up are kept',
      schema({ 'g/v1/A': 'A' }, { A: [{ m: '@ObjectMeta', t: '@M' }], ObjectMeta: [{ name: 's' }], M: [{ name: 's' }] }),
      schema({ 'g/v1/A': 'A' }, { A: [{ m: '@ObjectMeta', t: '@ObjectMeta' }], ObjectMeta: [{ name: 's' }] }),
    ],
    [
      'unreachable types are dropped',
      schema({ 'g/v1/A': 'A' }, { A: [{ s: 's' }], Unused: [{ t: 'b' }] }),
      schema({ 'g/v1/A': 'A' }, { A: [{ s: 's' }] }),
    ],
  ];
  it.each(CASES)('%s', (_, input, expected) => {
    expect(dedupeDefs(input)).toEqual({ ...expected, enums: {} });
  });
  it('types whose fields allow different values stay apart; merged types keep one copy of their enums', () => {
    const input = schema({ 'g/v1/A': 'A' }, { A: [{ a: '@Wait', b: '@Ref', c: '@SecretRef' }], Wait: [{ name: 's' }], Ref: [{ name: 's' }], SecretRef: [{ name: 's' }] });
    const out = dedupeDefs(input, { 'Wait.name': ['poll', 'legacy'] });
    expect(out.defs.A).toEqual([{ a: '@Wait', b: '@Ref', c: '@Ref' }]);
    expect(out.enums).toEqual({ 'Wait.name': ['poll', 'legacy'] });
  });
});

describe('renameDefs', () => {
  it('renames a type with its references, kind and enums', () => {
    const input = { ...schema({ 'g/v1/A': 'A' }, { A: [{ e: '[]@Endpoint' }], Endpoint: [{ scheme: 's' }] }), enums: { 'Endpoint.scheme': ['http'] } };
    expect(renameDefs(input, new Map([['Endpoint', 'EndpointCR']]))).toEqual({
      ...schema({ 'g/v1/A': 'A' }, { A: [{ e: '[]@EndpointCR' }], EndpointCR: [{ scheme: 's' }] }),
      enums: { 'EndpointCR.scheme': ['http'] },
    });
  });
});

describe('integerFields', () => {
  it('finds the integer fields of HelmRelease through its compiled validator', async () => {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@kubernetes-models/flux-cd/package.json');
    const validate = pathToFileURL(pkg.replace(/package\.json$/, '_schemas/ComGithubFluxcdHelmControllerApiV2HelmRelease.js')).href;
    // Every number of the bundled defs back to "some number", as the declarations give them.
    const defs: KubeSchemaData['defs'] = {};
    for (const [name, [fields, required]] of Object.entries(CRD_SCHEMAS.defs)) {
      defs[name] = [Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, t.replace(/(^|[\]}])n$/, '$1f')])), required];
    }
    const found = await integerFields([{ root: 'HelmRelease', validate }], defs);
    expect([...found]).toEqual(expect.arrayContaining(['HelmReleaseSpec.maxHistory', 'InstallRemediation.retries', 'UpgradeRemediation.retries']));
    expect(found.has('HelmReleaseSpec.interval')).toBe(false);
  });
});
