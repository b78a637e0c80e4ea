import { execFileSync } from 'node:child_process';

/**
 * Makes sure both reference helms are present before any differential test runs, and that the
 * CLI bundle bin/chartroom.cjs runs is built from the sources under test.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/fetch-helm.mjs', '--all'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
