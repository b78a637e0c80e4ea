/**
 * zod as the app uses it: every module imports `z` from here, so the setting below is made before
 * any schema parses, whichever module loads first (the share codec and the Artifact Hub client
 * both load on demand).
 */
import { z } from 'zod';

// The page's Content-Security-Policy forbids eval; without this zod probes `new Function` once,
// which the browser reports as a policy violation even though zod catches the refusal.
z.config({ jitless: true });

export { z };
