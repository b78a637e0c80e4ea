import { execFileSync } from 'node:child_process';

/** Makes sure both reference helms are present before any differential test runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/fetch-helm.mjs', '--all'], { stdio: 'inherit' });
}
