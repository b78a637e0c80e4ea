/**
 * Opening a saved configuration: an exported values bundle, a GitOps zip or its chartroom.json
 * brings back the values, release options and environments; a broken or foreign file says what
 * is wrong and leaves the typed work alone. The catalog opens such a file in its chart.
 */
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadChartFromDisk } from '../lib/cli/node-io';
import { buildGitopsRepo, zipArchive } from '../lib/export';
import { configToJson, type ChartroomConfig } from '../lib/share';
import { editorText, manifestStream, openFresh, setEditorText, waitForMonaco, waitRendered } from './helpers';

const SAVED = '# saved in the bundle\naeterna:\n  replicas: 3\n  config:\n    logLevel: debug\n';

type FileSpec = { name: string; mimeType: string; buffer: Buffer };

async function openFile(page: Page, file: FileSpec): Promise<void> {
  await page.getByLabel('Open configuration…').setInputFiles(file);
}

/** The preview without the passwords and keys the chart generates anew on every render. */
const stableStream = async (page: Page) => (await manifestStream(page)).replace(/"[A-Za-z0-9+/]{40,}={0,2}"/g, '"<generated>"');

const banner = (page: Page) => page.getByRole('alert', { name: 'Opened configuration' });

test('an exported values bundle opens over changed work: values, preview and release come back', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, SAVED);
  await waitRendered(page);
  const savedStream = await stableStream(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download values bundle' }).click()]);
  const bundle = { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync(await download.path()) };
  await page.getByRole('button', { name: 'Export', exact: true }).click();

  await setEditorText(page, 'aeterna:\n  replicas: 9\n');
  await page.locator('details.release-bar > summary').click();
  await page.getByLabel('Release name').fill('changed');
  await waitRendered(page);
  expect(await stableStream(page)).not.toEqual(savedStream);

  await openFile(page, bundle);
  await expect(banner(page)).toContainText(`The configuration from ${bundle.name} is open.`);
  await waitRendered(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 3');
  expect(await editorText(page)).toContain('# saved in the bundle');
  await expect(page.getByLabel('Release name')).toHaveValue('release-name');
  expect(await stableStream(page)).toEqual(savedStream);
});

test('a GitOps zip brings its release, target and environments; its chartroom.json dropped on the page does too', async ({ page }) => {
  const config: ChartroomConfig = {
    format: 1,
    chart: { name: 'aeterna', version: '0.1.0' },
    release: { name: 'shop', namespace: 'apps' },
    kubeVersion: '1.30.0',
    values: 'aeterna:\n  replicas: 4\n',
    environments: [{ name: 'dev', values: '' }, { name: 'prod', values: 'aeterna:\n  replicas: 6\n' }],
  };
  const repo = await buildGitopsRepo(loadChartFromDisk(resolve('charts/aeterna')), config, { tool: 'argocd' });
  await openFresh(page, 'aeterna');
  await openFile(page, { name: repo.fileName, mimeType: 'application/zip', buffer: Buffer.from(repo.zip) });
  await expect(banner(page)).toContainText('is open');
  await expect(page.getByLabel('Release name')).toHaveValue('shop');
  await expect(page.getByLabel('Namespace', { exact: true })).toHaveValue('apps');
  await expect(page.getByLabel('Kubernetes version')).toHaveValue('1.30.0');
  await waitRendered(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 4');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Export' }).getByLabel('Environments')).toHaveValue('dev, prod');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await banner(page).getByRole('button', { name: 'Dismiss' }).click();

  // Dropped anywhere on the configurator, even over the editor, the file is opened rather than pasted.
  const json = configToJson({ ...config, values: 'aeterna:\n  replicas: 2\n', environments: undefined });
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'chartroom.json', { type: 'application/json' }));
    const target = document.querySelector('.monaco-editor .view-lines')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, json);
  await expect(banner(page)).toContainText('The configuration from chartroom.json is open.');
  await expect.poll(() => editorText(page)).toContain('replicas: 2');
  expect(await editorText(page)).not.toContain('"format"');
});

test('broken and foreign files say what is wrong and leave the typed values alone', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 7\n');
  await waitRendered(page);
  const typedStream = await stableStream(page);

  const good = JSON.parse(configToJson({ format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'x', namespace: 'y' }, values: 'aeterna:\n  replicas: 2\n' }));
  const files: [FileSpec, RegExp][] = [
    [{ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": 1,\n  "chart": }\n') }, /chartroom\.json is not valid JSON \(line 3, column 12\)/],
    [{ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...good, release: { name: 'Bad Name', namespace: 'y' } })) }, /field release\.name: invalid release name/],
    [{ name: 'verta.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...good, chart: { name: 'verta', version: '1.0.0' } })) }, /verta\.json is for another chart/],
    [{ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from(await zipArchive([{ path: 'values.yaml', content: 'a: 1\n' }], 'notes')) }, /notes\.zip holds no chartroom\.json/],
    [{ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.alloc(0) }, /chartroom\.json is empty/],
    [{ name: 'aeterna-0.1.0.tgz', mimeType: 'application/gzip', buffer: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]) }, /gzip archive/],
  ];
  const messages: string[] = [];
  for (const [file, expected] of files) {
    await openFile(page, file);
    await expect(banner(page)).toContainText(expected);
    await expect(banner(page)).toContainText('Your configuration was not changed.');
    messages.push((await banner(page).locator('p').first().innerText()).trim());
    await banner(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner(page)).toHaveCount(0);
  }
  await waitForMonaco(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 7');
  await waitRendered(page);
  expect(await stableStream(page)).toEqual(typedStream);
  console.log(`[open-config] messages:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
});

test('the catalog opens a chartroom.json in the chart it was made for', async ({ page }) => {
  await openFresh(page, 'aeterna');
  await page.goto('/');
  const saved = configToJson({ format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'from-catalog', namespace: 'apps' }, values: 'aeterna:\n  replicas: 5\n' });
  const chooser = page.getByLabel('Choose a configuration file');
  await chooser.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(saved.replace('"aeterna"', '"nginx"')) });
  await expect(page.getByRole('region', { name: 'A saved configuration' }).getByRole('alert')).toContainText('is for the chart "nginx", which is not bundled here');
  await chooser.setInputFiles({ name: 'chartroom.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page).toHaveURL(/\/configure\/aeterna$/);
  await expect(banner(page)).toContainText('The configuration from chartroom.json is open.');
  await expect(page.getByLabel('Release name')).toHaveValue('from-catalog');
  await waitRendered(page);
  await expect.poll(() => editorText(page)).toContain('replicas: 5');
  // Taken once: a reload shows the autosaved work without the banner.
  await page.waitForTimeout(600);
  await page.reload();
  await waitRendered(page);
  await expect(banner(page)).toHaveCount(0);
  await expect.poll(() => editorText(page)).toContain('replicas: 5');
});

/**
 * A zip of one `chartroom.json` entry that declares `declared` bytes but inflates to `actual`:
 * the configuration followed by spaces (deflate squeezes them a thousandfold).
 */
function lyingZip(json: string, actual: number, declared: number): Buffer {
  const data = Buffer.alloc(actual, 0x20);
  data.write(json);
  const deflated = deflateRawSync(data, { level: 1 });
  const name = Buffer.from('chartroom.json');
  const crc = crc32(data);
  const header = (central: boolean) => {
    const h = Buffer.alloc(central ? 46 : 30);
    h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
    let at = 4;
    if (central) h.writeUInt16LE(20, (at += 2) - 2); // made by
    h.writeUInt16LE(20, at); // version needed
    h.writeUInt16LE(8, at + 4); // deflate
    h.writeUInt32LE(crc, at + 10);
    h.writeUInt32LE(deflated.length, at + 14);
    h.writeUInt32LE(declared, at + 18);
    h.writeUInt16LE(name.length, at + 22);
    return h;
  };
  const local = Buffer.concat([header(false), name, deflated]);
  const central = Buffer.concat([header(true), name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

test('a zip that lies about its size is a corrupt archive: no freeze, the typed work stays', async ({ page }) => {
  const json = configToJson({ format: 1, chart: { name: 'aeterna', version: '0.1.0' }, release: { name: 'x', namespace: 'y' }, values: 'aeterna:\n  replicas: 2\n' });
  // 100 bytes declared, a GiB inside.
  const zip = lyingZip(json, 1024 * 1024 * 1024, 100);
  await openFresh(page, 'aeterna');
  await setEditorText(page, 'aeterna:\n  replicas: 7\n');
  await waitRendered(page);
  await openFile(page, { name: 'lying.zip', mimeType: 'application/zip', buffer: zip });
  await expect(banner(page)).toContainText('lying.zip is a corrupt zip archive: chartroom.json in lying.zip inflates to more than the 100 bytes it declares.');
  await expect(banner(page)).toContainText('Your configuration was not changed.');
  await expect.poll(() => editorText(page)).toContain('replicas: 7');
});
