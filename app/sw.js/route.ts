import { readFileSync } from 'node:fs';
import { serviceWorkerScript, UNREGISTER_SCRIPT } from '@/lib/offline';
import { buildPrecache, WORKER_CODE_FILE } from '../_server/precache';

// Built once, after the app's scripts: a new build is a new worker script, which browsers install.
export const dynamic = 'force-static';

export function GET(): Response {
  const body = process.env.NODE_ENV === 'development' ? UNREGISTER_SCRIPT : serviceWorkerScript(buildPrecache(), readFileSync(WORKER_CODE_FILE, 'utf8'));
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } });
}
