import type { SimpleHead } from './manifest';

/** Hook events Helm knows (release.HookEvent); `test-success` is the legacy name of `test`. */
const EVENTS: Record<string, string> = {
  'pre-install': 'pre-install',
  'post-install': 'post-install',
  'pre-delete': 'pre-delete',
  'post-delete': 'post-delete',
  'pre-upgrade': 'pre-upgrade',
  'post-upgrade': 'post-upgrade',
  'pre-rollback': 'pre-rollback',
  'post-rollback': 'post-rollback',
  test: 'test',
  'test-success': 'test',
};

export interface Hook {
  name: string;
  kind: string;
  /** Template path the hook came from. */
  path: string;
  manifest: string;
  events: string[];
  weight: number;
  deletePolicies: string[];
}

/** Builds a hook from an annotated document, or null for an unknown event (Helm skips those). */
export function hookFromManifest(path: string, manifest: string, head: SimpleHead, hookTypes: string): Hook | null {
  const events: string[] = [];
  for (const raw of hookTypes.split(',')) {
    const name = raw.trim().toLowerCase();
    const e = Object.hasOwn(EVENTS, name) ? EVENTS[name] : undefined;
    if (!e) return null;
    events.push(e);
  }
  const annotations = head.metadata?.annotations ?? {};
  const deletePolicies = (annotations['helm.sh/hook-delete-policy'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    name: head.metadata?.name ?? '',
    kind: head.kind,
    path,
    manifest,
    events,
    weight: goAtoi(annotations['helm.sh/hook-weight'] ?? ''),
    deletePolicies,
  };
}

/** Whether a hook runs on `helm test` (skipped by `--skip-tests`). */
export function isTestHook(h: Hook): boolean {
  return h.events.includes('test');
}

/** strconv.Atoi, with Helm's fallback of 0 on any error. */
function goAtoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) return 0;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : 0;
}
