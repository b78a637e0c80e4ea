import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadChartFromDisk } from '../cli/node-io';
import { buildGitopsRepo, buildValuesBundle, zipArchive } from '../export';
import { configToJson, normalizeConfig, type ChartroomConfig } from './config';
import { MAX_CONFIG_JSON_BYTES, MAX_CONFIG_ZIP_BYTES, configFileSizeProblem, openConfigFile } from './open-config';

const aeterna = () => loadChartFromDisk(resolve(__dirname, '../../charts/aeterna'));
const enc = (s: string) => new TextEncoder().encode(s);

const config: ChartroomConfig = {
  format: 1,
  chart: { name: 'aeterna', version: '0.1.0' },
  release: { name: 'shop', namespace: 'apps' },
  kubeVersion: '1.30.0',
  values: '# tuned for the shop\naeterna:\n  replicas: 3\n  config:\n    logLevel: debug\n',
  environments: [
    { name: 'dev', values: 'aeterna:\n  replicas: 1\n' },
    { name: 'prod', namespace: 'shop-prod', values: 'aeterna:\n  replicas: 5\n' },
  ],
};

function opened(bytes: Uint8Array, name: string): ChartroomConfig {
  const r = openConfigFile(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

function message(bytes: Uint8Array, name: string): string {
  const r = openConfigFile(bytes, name);
  if (r.ok) throw new Error('expected a failure');
  return r.message;
}

describe('openConfigFile: round trips through the exports', () => {
  it('reads chartroom.json as written', () => {
    expect(opened(enc(configToJson(config)), 'chartroom.json')).toEqual(normalizeConfig(config));
  });

  it('finds chartroom.json in a values bundle', () => {
    const bundle = buildValuesBundle(aeterna(), config);
    expect(opened(bundle.zip, bundle.fileName)).toEqual(normalizeConfig(config));
  });

  it.each(['argocd', 'flux'] as const)('finds chartroom.json in a %s GitOps zip beside the vendored chart', (tool) => {
    const repo = buildGitopsRepo(aeterna(), config, { tool });
    expect(repo.files.some((f) => f.path.startsWith('charts/aeterna/'))).toBe(true);
    const back = opened(repo.zip, repo.fileName);
    expect({ ...back, environments: back.environments?.map((e) => ({ ...e, namespace: undefined })) }).toEqual({
      ...normalizeConfig(config),
      environments: config.environments!.map((e) => ({ ...e, namespace: undefined })),
    });
    expect(back.environments?.find((e) => e.name === 'prod')?.namespace).toBe('shop-prod');
  });

  it('tells a zip by its bytes, and a JSON file by anything else, whatever the name', () => {
    const bundle = buildValuesBundle(aeterna(), config);
    expect(opened(bundle.zip, 'download')).toEqual(normalizeConfig(config));
    expect(opened(enc(`\uFEFF${configToJson(config)}`), 'config.txt')).toEqual(normalizeConfig(config));
  });
});

describe('openConfigFile: what is wrong, and where', () => {
  it('not JSON: the line and column', () => {
    const text = configToJson(config).replace('"release": {', '"release": {,');
    const m = message(enc(text), 'chartroom.json');
    expect(m).toMatch(/^chartroom\.json is not valid JSON \(line 7, column \d+\): /);
    const missingValue = configToJson(config).replace(/"namespace": "apps"/, '"namespace": }');
    expect(message(enc(missingValue), 'chartroom.json')).toBe("chartroom.json is not valid JSON (line 9, column 18): Unexpected token '}'.");
  });

  it('JSON that is not a configuration', () => {
    expect(message(enc('[1, 2]'), 'chartroom.json')).toMatch(/does not hold a chartroom configuration/);
  });

  it('an invalid field: its path', () => {
    const bad = JSON.parse(configToJson(config));
    bad.release.name = 'Not A Name';
    delete bad.values;
    const m = message(enc(JSON.stringify(bad)), 'chartroom.json');
    expect(m).toBe('chartroom.json is not a valid configuration: field release.name: invalid release name; field values is missing.');
  });

  it('a newer format', () => {
    expect(message(enc(JSON.stringify({ ...config, format: 2 })), 'chartroom.json')).toMatch(/format 2, made by a newer chartroom/);
  });

  it('a zip without chartroom.json', () => {
    expect(message(zipArchive([{ path: 'values.yaml', content: 'a: 1\n' }], 'x'), 'x.zip')).toBe(
      'x.zip holds no chartroom.json; open a values bundle or GitOps zip exported by chartroom, or the chartroom.json from one.',
    );
  });

  it('a broken chartroom.json inside a zip names the entry', () => {
    const zip = zipArchive([{ path: 'chartroom.json', content: '{"format": 1,' }], 'shop-values');
    expect(message(zip, 'shop-values.zip')).toMatch(/^shop-values\/chartroom\.json in shop-values\.zip is not valid JSON/);
  });

  it('several chartroom.json at the same depth are ambiguous; deeper ones and macOS metadata are ignored', () => {
    const json = configToJson(config);
    const two = zipArchive([{ path: 'a/chartroom.json', content: json }, { path: 'b/chartroom.json', content: json }]);
    expect(message(two, 'two.zip')).toMatch(/several chartroom\.json files \(a\/chartroom\.json, b\/chartroom\.json\)/);
    const nested = zipArchive([
      { path: '__MACOSX/chartroom.json', content: 'junk' },
      { path: 'shop/chartroom.json', content: json },
      { path: 'shop/charts/x/chartroom.json', content: 'junk' },
    ]);
    expect(opened(nested, 'nested.zip')).toEqual(normalizeConfig(config));
  });

  it('a damaged zip', () => {
    const zip = buildValuesBundle(aeterna(), config).zip.slice(0, 200);
    expect(message(zip, 'cut.zip')).toMatch(/^cut\.zip (could not be read as a zip archive|holds no chartroom\.json)/);
  });

  it('other files: a packaged chart, a values file, an empty file, binary data', () => {
    expect(message(new Uint8Array([0x1f, 0x8b, 8, 0]), 'aeterna-0.1.0.tgz')).toMatch(/gzip archive \(a packaged chart\?\)/);
    expect(message(enc('aeterna:\n  replicas: 2\n'), 'values.yaml')).toMatch(/is a YAML file, not a chartroom\.json/);
    expect(message(new Uint8Array(), 'chartroom.json')).toBe('chartroom.json is empty.');
    expect(message(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'chartroom.json')).toMatch(/is not UTF-8 text/);
  });

  it('too large: refused by size before reading, and a zip entry by its unpacked size', () => {
    expect(configFileSizeProblem('chartroom.json', MAX_CONFIG_JSON_BYTES + 1)).toBe('chartroom.json is 4 MiB; a chartroom.json is at most 4 MiB.');
    expect(configFileSizeProblem('shop.zip', MAX_CONFIG_ZIP_BYTES + 1)).toMatch(/^shop\.zip is 64 MiB; a chartroom zip is at most 64 MiB\.$/);
    expect(configFileSizeProblem('shop.zip', MAX_CONFIG_JSON_BYTES + 1)).toBeNull();
    expect(message(new Uint8Array(MAX_CONFIG_JSON_BYTES + 1).fill(0x20), 'chartroom.json')).toMatch(/at most 4 MiB/);
    // Compresses to a few KiB; refused from the directory's size without unpacking it.
    const bomb = zipSync({ 'chartroom.json': new Uint8Array(MAX_CONFIG_JSON_BYTES + 1).fill(0x20) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(message(bomb, 'bomb.zip')).toBe('chartroom.json in bomb.zip is 4 MiB; a chartroom.json is at most 4 MiB.');
  });
});
