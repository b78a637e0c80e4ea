/**
 * The security headers on every kind of response, and the app working under its own
 * Content-Security-Policy: no violation while a user goes through the whole configurator.
 */
import { expect, test, type Worker } from '@playwright/test';
import { manifestStream, openFresh, previewTab, setEditorText, waitForMonaco, waitRendered, watchPolicy } from './helpers';

const FIXED = { 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

function expectSecurityHeaders(url: string, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(FIXED)) expect(headers[name], `${name} on ${url}`).toBe(value);
  const policy = directives(headers['content-security-policy'] ?? '');
  expect(policy.get('default-src'), url).toEqual(["'self'"]);
  const scripts = policy.get('script-src') ?? [];
  expect(scripts[0], url).toBe("'self'");
  expect(scripts.slice(1).every((s) => /^'nonce-[A-Za-z0-9+/=]+'$/.test(s)), `only a nonce besides 'self' on ${url}: ${scripts}`).toBe(true);
  expect(policy.get('worker-src'), url).toEqual(["'self'"]);
  expect(policy.get('connect-src'), url).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
  expect(policy.get('object-src'), url).toEqual(["'none'"]);
  expect(policy.get('base-uri'), url).toEqual(["'none'"]);
}

test('every kind of response carries the security headers', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  const style = /<link[^>]+href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  expect(script && style).toBeTruthy();
  const missing = ['/no-such-page', '/configure/no-such-chart', '/configure/..%2Fpackage.json'];
  const malformed = ['/configure/%E0', '/charts/%E0/files.json'];
  for (const url of ['/', '/configure/aeterna', '/configure/local', '/charts/aeterna/files.json', script!, style!, '/icons/icon.svg', '/manifest.webmanifest', '/sw.js', ...missing, ...malformed]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(missing.includes(url) ? 404 : malformed.includes(url) ? 400 : 200);
    expectSecurityHeaders(url, res.headers());
  }
  // A nonce is good for one response only.
  const nonce = async () => /'nonce-([^']+)'/.exec((await request.get('/')).headers()['content-security-policy'])?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test('the chart files answer GET and HEAD only', async ({ request }) => {
  const url = '/charts/aeterna/files.json';
  expect((await request.head(url)).status()).toBe(200);
  // TRACE is refused by the server before Next.js, which cannot represent it (it answered 500).
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    const res = await request.fetch(url, { method, data: '{}' });
    expect(res.status(), method).toBe(405);
    expect(res.headers()['allow'], method).toBe('GET, HEAD');
    expect(await res.text(), method).toBe('');
    expectSecurityHeaders(`${method} ${url}`, res.headers());
  }
});

test('the policy watcher sees a `new Function` that a worker refuses and catches', async ({ page }) => {
  const violations = await watchPolicy(page);
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  await openFresh(page, 'aeterna');
  await waitRendered(page);
  expect(workers.length).toBeGreaterThan(0);
  // In a task of its own: code that DevTools evaluates may eval, a worker's own code may not.
  const outcome = await workers[0].evaluate(
    () =>
      new Promise<string>((done) =>
        setTimeout(() => {
          try {
            new Function('return 1');
            done('ran');
          } catch (e) {
            done((e as Error).name);
          }
        }, 0),
      ),
  );
  expect(outcome).toBe('EvalError');
  await expect.poll(() => violations.join('\n')).toMatch(/^script-src blocked eval at .*worker/m);
});

test('the whole configurator works under the policy without a violation', async ({ page }) => {
  const violations = await watchPolicy(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Bundled charts' })).toBeVisible();
  await openFresh(page, 'aeterna');
  await waitRendered(page);
  await waitForMonaco(page);

  // Typing goes through Monaco and its editor worker; the schema check is monaco-yaml's worker.
  await setEditorText(page, 'aeterna:\n  replicas: 0\n');
  const editor = page.getByRole('region', { name: 'values.yaml' });
  await expect(editor.locator('.squiggly-warning, .squiggly-error').first()).toBeAttached({ timeout: 30_000 });
  await editor.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await waitRendered(page);
  expect(await manifestStream(page)).toContain('replicas: 3');

  for (const tab of [/Findings/, /Diff/, /NOTES/, /Dependencies/, /Resources/]) await previewTab(page, tab);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download values bundle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);

  expect(workers.length, `workers started: ${workers.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(violations).toEqual([]);
});
