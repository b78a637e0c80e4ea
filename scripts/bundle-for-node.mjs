// The one way TypeScript entry points become runnable Node modules (the CLI, the bench, the server): bundled by
// esbuild into a single ES module, npm packages left as imports, as the shipped engine runs.
import { build } from 'esbuild';

/** Bundles `entry` (a .ts file) into `outfile`. */
export async function bundleForNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}
