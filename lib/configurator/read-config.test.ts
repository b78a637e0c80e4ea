import { describe, expect, it } from 'vitest';
import { encodeShareLink, type ChartroomConfig } from '../share';
import { readConfigFile, readShareLink, shareLinkFragment } from './read-config';

const config: ChartroomConfig = { format: 1, chart: { name: 'aeterna', version: '1.0.0' }, release: { name: 'shop', namespace: 'apps' }, helmVersion: '4.1', values: 'a: 1\n' };
const fileOf = (name: string, text: string, size = new TextEncoder().encode(text).length) => ({
  name,
  size,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

describe('readConfigFile', () => {
  it('reads a chartroom.json', async () => {
    const read = await readConfigFile(fileOf('chartroom.json', JSON.stringify(config)));
    expect(read).toEqual({ ok: true, config: expect.objectContaining({ chart: config.chart, values: 'a: 1\n' }) });
  });

  it.each([
    ['an empty file', fileOf('chartroom.json', ''), 'chartroom.json is empty.'],
    ['a file too large, refused before it is read', { name: 'big.json', size: 1 << 30, arrayBuffer: () => Promise.reject(new Error('read')) }, 'big.json is 1024 MiB'],
    ['a values file', fileOf('values.yaml', 'a: 1\n'), 'values.yaml is a YAML file, not a chartroom.json'],
    ['a file that cannot be read', { name: 'gone.json', size: 10, arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }, 'gone.json could not be read (NotReadableError).'],
  ])('says why for %s', async (_, file, message) => {
    const read = await readConfigFile(file);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(message);
  });
});

describe('share links in the fragment', () => {
  it('reads the link in a fragment and ignores other fragments', async () => {
    const link = encodeShareLink(config, { baseUrl: 'https://chartroom.example/configure/aeterna' });
    const fragment = shareLinkFragment(`#${link.fragment}`);
    expect(fragment).toBe(link.fragment);
    expect(await readShareLink(fragment!)).toEqual({ ok: true, config: expect.objectContaining({ values: 'a: 1\n' }) });
    expect(shareLinkFragment('#main')).toBeNull();
    expect(shareLinkFragment('')).toBeNull();
    expect(await readShareLink(shareLinkFragment('#cr9.abc')!)).toMatchObject({ ok: false });
  });
});
