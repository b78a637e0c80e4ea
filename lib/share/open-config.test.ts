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

async function opened(bytes: Uint8Array, name: string): Promise<ChartroomConfig> {
  const r = await openConfigFile(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

async function message(bytes: Uint8Array, name: string): Promise<string> {
  const r = await openConfigFile(bytes, name);
  if (r.ok) throw new Error('expected a failure');
  return r.message;
}

describe('openConfigFile: round trips through the exports', async () => {
  it('reads chartroom.json as written', async () => {
    expect(await opened(enc(configToJson(config)), 'chartroom.json')).toEqual(normalizeConfig(config));
  });

  it('finds chartroom.json in a values bundle', async () => {
    const bundle = await buildValuesBundle(aeterna(), config);
    expect(await opened(bundle.zip, bundle.fileName)).toEqual(normalizeConfig(config));
  });

  it.each(['argocd', 'flux'] as const)('finds chartroom.json in a %s GitOps zip beside the vendored chart', async (tool) => {
    const repo = await buildGitopsRepo(aeterna(), config, { tool });
    expect(repo.files.some((f) => f.path.startsWith('charts/aeterna/'))).toBe(true);
    const back = await opened(repo.zip, repo.fileName);
    expect({ ...back, environments: back.environments?.map((e) => ({ ...e, namespace: undefined })) }).toEqual({
      ...normalizeConfig(config),
      environments: config.environments!.map((e) => ({ ...e, namespace: undefined })),
    });
    expect(back.environments?.find((e) => e.name === 'prod')?.namespace).toBe('shop-prod');
  });

  it('tells a zip by its bytes, and a JSON file by anything else, whatever the name', async () => {
    const bundle = await buildValuesBundle(aeterna(), config);
    expect(await opened(bundle.zip, 'download')).toEqual(normalizeConfig(config));
    expect(await opened(enc(`\uFEFF${configToJson(config)}`), 'config.txt')).toEqual(normalizeConfig(config));
  });
});

describe('openConfigFile: what is wrong, and where', async () => {
  it('not JSON: the line and column', async () => {
    const text = configToJson(config).replace('"release": {', '"release": {,');
    const m = await message(enc(text), 'chartroom.json');
    expect(m).toMatch(/^chartroom\.json is not valid JSON \(line 7, column \d+\): /);
    const missingValue = configToJson(config).replace(/"namespace": "apps"/, '"namespace": }');
    expect(await message(enc(missingValue), 'chartroom.json')).toBe("chartroom.json is not valid JSON (line 9, column 18): Unexpected token '}'.");
  });

  it('JSON that is not a configuration', async () => {
    expect(await message(enc('[1, 2]'), 'chartroom.json')).toMatch(/does not hold a chartroom configuration/);
  });

  it('an invalid field: its path', async () => {
    const bad = JSON.parse(configToJson(config));
    bad.release.name = 'Not A Name';
    delete bad.values;
    const m = await message(enc(JSON.stringify(bad)), 'chartroom.json');
    expect(m).toBe('chartroom.json is not a valid configuration: field release.name: invalid release name; field values is missing.');
  });

  it('a newer format', async () => {
    expect(await message(enc(JSON.stringify({ ...config, format: 2 })), 'chartroom.json')).toMatch(/format 2, made by a newer chartroom/);
  });

  it('a zip without chartroom.json', async () => {
    expect(await message(await zipArchive([{ path: 'values.yaml', content: 'a: 1\n' }], 'x'), 'x.zip')).toBe(
      'x.zip holds no chartroom.json; open a values bundle or GitOps zip exported by chartroom, or the chartroom.json from one.',
    );
  });

  it('a broken chartroom.json inside a zip names the entry', async () => {
    const zip = await zipArchive([{ path: 'chartroom.json', content: '{"format": 1,' }], 'shop-values');
    expect(await message(zip, 'shop-values.zip')).toMatch(/^shop-values\/chartroom\.json in shop-values\.zip is not valid JSON/);
  });

  it('several chartroom.json at the same depth are ambiguous; deeper ones and macOS metadata are ignored', async () => {
    const json = configToJson(config);
    const two = await zipArchive([{ path: 'a/chartroom.json', content: json }, { path: 'b/chartroom.json', content: json }]);
    expect(await message(two, 'two.zip')).toMatch(/several chartroom\.json files \(a\/chartroom\.json, b\/chartroom\.json\)/);
    const nested = await zipArchive([
      { path: '__MACOSX/chartroom.json', content: 'junk' },
      { path: 'shop/chartroom.json', content: json },
      { path: 'shop/charts/x/chartroom.json', content: 'junk' },
    ]);
    expect(await opened(nested, 'nested.zip')).toEqual(normalizeConfig(config));
  });

  it('a damaged zip', async () => {
    const zip = (await buildValuesBundle(aeterna(), config)).zip.slice(0, 200);
    expect(await message(zip, 'cut.zip')).toMatch(/^cut\.zip (could not be read as a zip archive|holds no chartroom\.json)/);
  });

  it('other files: a packaged chart, a values file, an empty file, binary data', async () => {
    expect(await message(new Uint8Array([0x1f, 0x8b, 8, 0]), 'aeterna-0.1.0.tgz')).toMatch(/gzip archive \(a packaged chart\?\)/);
    expect(await message(enc('aeterna:\n  replicas: 2\n'), 'values.yaml')).toMatch(/is a YAML file, not a chartroom\.json/);
    expect(await message(new Uint8Array(), 'chartroom.json')).toBe('chartroom.json is empty.');
    expect(await message(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'chartroom.json')).toMatch(/is not UTF-8 text/);
  });

  it('too large: refused by size before reading, and a zip entry by its unpacked size', async () => {
    expect(configFileSizeProblem('chartroom.json', MAX_CONFIG_JSON_BYTES + 1)).toBe('chartroom.json is 4 MiB; a chartroom.json is at most 4 MiB.');
    expect(configFileSizeProblem('shop.zip', MAX_CONFIG_ZIP_BYTES + 1)).toMatch(/^shop\.zip is 64 MiB; a chartroom zip is at most 64 MiB\.$/);
    expect(configFileSizeProblem('shop.zip', MAX_CONFIG_JSON_BYTES + 1)).toBeNull();
    expect(await message(new Uint8Array(MAX_CONFIG_JSON_BYTES + 1).fill(0x20), 'chartroom.json')).toMatch(/at most 4 MiB/);
    // Compresses to a few KiB; refused from the directory's size without unpacking it.
    const bomb = zipSync({ 'chartroom.json': new Uint8Array(MAX_CONFIG_JSON_BYTES + 1).fill(0x20) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await message(bomb, 'bomb.zip')).toBe('chartroom.json in bomb.zip is 4 MiB; a chartroom.json is at most 4 MiB.');
  });

  it('an entry that inflates to more than it declares is a corrupt archive, found out without inflating it all', async () => {
    const json = enc(`${configToJson(config)}${' '.repeat(64 * 1024 * 1024)}`);
    const lying = declare(zipSync({ 'chartroom.json': json }, { level: 1 }), { size: 100 });
    const started = performance.now();
    expect(await message(lying, 'lying.zip')).toBe('lying.zip is a corrupt zip archive: chartroom.json in lying.zip inflates to more than the 100 bytes it declares.');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an entry that inflates to less than it declares, or fails its CRC, is a corrupt archive', async () => {
    const json = enc(configToJson(config));
    expect(await message(declare(zipSync({ 'chartroom.json': json }), { size: json.length + 10 }), 'short.zip')).toMatch(/^short\.zip is a corrupt zip archive: chartroom\.json in short\.zip (inflates to \d+ bytes, not the \d+ it declares|does not inflate to the \d+ bytes it declares|could not be inflated .*)\.$/);
    expect(await message(declare(zipSync({ 'chartroom.json': json }), { crc: 12345 }), 'crc.zip')).toBe('crc.zip is a corrupt zip archive: chartroom.json in crc.zip fails its CRC-32 check.');
  });

  it.each([['../chartroom.json'], ['/etc/chartroom.json'], ['a/../../chartroom.json'], ['C:/chartroom.json']])('an entry named %s is refused before anything is inflated', async (name) => {
    const zip = zipSync({ [name]: enc(configToJson(config)) });
    expect(await message(zip, 'evil.zip')).toBe(`evil.zip is not a chartroom export: it holds the entry "${name}", which points outside the archive.`);
  });
});

/**
 * A zip whose only entry claims another size or CRC-32, in its local header and in the central
 * directory, as a hostile archive would.
 */
function declare(zip: Uint8Array, claim: { size?: number; crc?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x04034b50 ? { crc: i + 14, size: i + 22 } : sig === 0x02014b50 ? { crc: i + 16, size: i + 24 } : undefined;
    if (!at) continue;
    if (claim.size !== undefined) view.setUint32(at.size, claim.size, true);
    if (claim.crc !== undefined) view.setUint32(at.crc, claim.crc, true);
  }
  return out;
}
