// An esbuild plugin for the CLI bundle: packages that cost start-up time when they initialise
// (AES lookup tables; bcrypt's tables and Node's crypto module; fflate's Huffman tables) but that few
// renders call are evaluated on their first call instead of when the bundle loads. Each is replaced
// by a module of functions that load the real one and call (or construct) through. Only functions
// (named, or in a default object) can be deferred this way: the stand-in leaves out everything else,
// so importing anything else from a deferred package fails the build (esbuild: no matching export).
// An object made with `new` is the real class's, so it is not an instance of the stand-in.
import { pathToFileURL } from 'node:url';

/** Package entry points deferred in the CLI bundle. */
const DEFERRED = ['@noble/ciphers/aes.js', 'bcryptjs', 'fflate'];

const NAMESPACE = 'deferred-package';
const RESOLVING = Symbol('resolving a deferred package');

/** The stand-in module's source for the module at `file` (an absolute path esbuild resolved). */
async function standIn(file) {
  const real = await import(pathToFileURL(file).href);
  const lines = [`let loaded;`, `const load = () => (loaded ??= require(${JSON.stringify(file)}));`];
  for (const [name, value] of Object.entries(real)) {
    if (name === 'default') {
      if (value === null || typeof value !== 'object') continue;
      const members = Object.entries(value).filter(([, v]) => typeof v === 'function');
      lines.push(`export default { ${members.map(([m]) => `${JSON.stringify(m)}: (...a) => load().default[${JSON.stringify(m)}](...a)`).join(', ')} };`);
    } else if (typeof value === 'function') {
      lines.push(`export function ${name}(...a) { return new.target ? Reflect.construct(load().${name}, a) : load().${name}(...a); }`);
    }
  }
  return lines.join('\n');
}

export function deferredPackages() {
  return {
    name: 'deferred-packages',
    setup(build) {
      build.onResolve({ filter: /./ }, async (args) => {
        if (args.pluginData === RESOLVING || !DEFERRED.includes(args.path)) return undefined;
        const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: RESOLVING });
        if (real.errors.length) return { errors: real.errors };
        return { path: real.path, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /./, namespace: NAMESPACE }, async (args) => ({
        contents: await standIn(args.path),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}
