/**
 * Objects that exist outside the chart: names given by the user (`Secret/db-creds`, or a bare
 * name for any kind), and the names values point at through `existingSecret`-style settings
 * (Helm-templated ones such as `{{ .Release.Name }}-redis-auth` match any text in the braces).
 */
export interface ExternalName {
  kind?: string;
  pattern: RegExp;
}

const EXISTING_KEY = /^existing(Secret|Claim|ConfigMap|ServiceAccount)?(Name)?$|^existing[A-Za-z]*Secret$/;
const KIND_OF: Record<string, string> = { Secret: 'Secret', Claim: 'PersistentVolumeClaim', ConfigMap: 'ConfigMap', ServiceAccount: 'ServiceAccount' };

function namePattern(text: string): RegExp {
  const parts = text.split(/\{\{[^}]*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Collects the external names from the option list and from the values. */
export function externalNames(list: string[], values: unknown): ExternalName[] {
  const out: ExternalName[] = list.map((e) => {
    const slash = e.indexOf('/');
    return slash < 0 ? { pattern: namePattern(e) } : { kind: e.slice(0, slash), pattern: namePattern(e.slice(slash + 1)) };
  });
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || !v || typeof v !== 'object') return;
    const entries: [string, unknown][] = v instanceof Map ? [...v].map(([k, x]) => [String(k), x]) : Array.isArray(v) ? [] : Object.entries(v);
    for (const [k, x] of entries) {
      const m = EXISTING_KEY.exec(k);
      if (m && typeof x === 'string' && x !== '') {
        const kind = m[1] ? KIND_OF[m[1]] : k.endsWith('Secret') ? 'Secret' : undefined;
        out.push({ kind, pattern: namePattern(x) });
      } else walk(x, depth + 1);
    }
  };
  walk(values, 0);
  return out;
}
