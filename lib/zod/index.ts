/**
 * zod as the app uses it: every module imports `z` from here, so the setting below is made before
 * any schema is built, whichever module loads first (the share codec and the Artifact Hub client
 * both load on demand). The setting is made in the initialiser of the exported binding, not as a
 * statement beside a re-export: bundlers skip modules that only re-export (package.json declares
 * no side effects), and the setting would go with them.
 */
import { z as zod } from 'zod';

// The page's Content-Security-Policy forbids eval; without this zod probes `new Function` once,
// which the browser reports as a policy violation even though zod catches the refusal.
export const z: typeof zod = (() => {
  zod.config({ jitless: true });
  return zod;
})();
