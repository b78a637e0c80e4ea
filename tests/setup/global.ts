import { execFileSync } from 'node:child_process';

/** Makes sure the reference helm is present before any differential test runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/fetch-helm.mjs'], { stdio: 'inherit' });
}
