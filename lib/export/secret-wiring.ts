/**
 * Secrets leave exported files as references: each secret value the user entered is removed,
 * the chart's existing-Secret option for it is set to a Secret name, and a Secret skeleton with
 * placeholders says what to create (through SOPS, Sealed Secrets, External Secrets or kubectl).
 */
import { stringify } from 'yaml';
import { type SecretKind, formatPath, type ValuePath } from '../form';
import { keyWords, type SecretField } from '../share';

/** One Secret the release reads and that the user creates outside the chart. */
export interface SecretWiring {
  /** Name of the Secret. */
  secretName: string;
  /** Values path of the chart option naming it. */
  existingSecretPath: string[];
  /** The user had already named this Secret (nothing was removed for it). */
  userNamed: boolean;
  /** Keys the chart reads from it, each with the values path it replaces when known. */
  keys: { key: string; replaces?: string; generate?: SecretKind }[];
  /** Secret values removed from the user's files that now come from this Secret. */
  removed: string[];
}

/** A value a Secret key may replace: a secret the user entered (`removed`) or one the schema declares. */
export interface SecretCandidate {
  path: ValuePath;
  field?: SecretField;
  removed?: boolean;
}

/** A removed secret the chart offers no existing-Secret option for. */
export interface UnwiredSecret {
  /** `values` or `environments.<name>`. */
  file: string;
  path: string;
}

/** Default name of a Secret for an existing-Secret option: `<release>-<path before existingSecret>`. */
export function defaultSecretName(release: string, existingSecretPath: readonly string[]): string {
  const stem = existingSecretPath.slice(0, -1).flatMap((p) => keyWords(p));
  const name = [release, ...(stem.length > 0 ? stem : ['secrets'])].join('-');
  return name.slice(0, 253).replace(/-+$/, '');
}

/** Whether a Secret key stands for a values path: one's words contain the other's (`discordToken` ~ `discord-bot-token`). */
export function keyMatchesPath(key: string, path: ValuePath): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return false;
  const a = keyWords(key);
  const b = keyWords(last);
  if (a.join('') === b.join('')) return true;
  const contains = (big: string[], small: string[]) => small.length > 0 && small.every((w) => big.includes(w));
  return contains(a, b) || contains(b, a) || a.join('').endsWith(b.join('')) || b.join('').endsWith(a.join(''));
}

/**
 * Keys for a wiring: every key the rendered chart reads from the Secret, each paired with the
 * removed or schema-declared value it replaces; removed values no key matched get a key named
 * after them so nothing is silently dropped.
 */
export function secretKeys(
  referenced: readonly string[],
  candidates: readonly SecretCandidate[],
): SecretWiring['keys'] {
  const keys: SecretWiring['keys'] = [];
  const used = new Set<number>();
  for (const key of [...new Set(referenced)].sort()) {
    const i = candidates.findIndex((c, n) => !used.has(n) && keyMatchesPath(key, c.path));
    if (i >= 0) {
      used.add(i);
      keys.push({ key, replaces: formatPath(candidates[i].path), generate: candidates[i].field?.generate });
    } else keys.push({ key });
  }
  candidates.forEach((c, n) => {
    if (used.has(n) || !c.removed) return;
    const last = c.path[c.path.length - 1];
    keys.push({ key: keyWords(String(last)).join('-'), replaces: formatPath(c.path), generate: c.field?.generate });
  });
  return keys;
}

const GENERATE_HINT: Record<SecretKind, string> = {
  password: 'e.g. openssl rand -base64 24',
  'base64-32': 'base64 of 32 random bytes: openssl rand -base64 32',
  'hex-32': '32 random bytes in hex: openssl rand -hex 32',
};

/** The placeholder written instead of a secret value. */
export function placeholder(k: SecretWiring['keys'][number]): string {
  const what = k.replaces ? `value of ${k.replaces}` : `value of ${k.key}`;
  return `<${what}${k.generate ? `; ${GENERATE_HINT[k.generate]}` : ''}>`;
}

/**
 * Secret manifests with placeholders, one per wiring, for a namespace. Meant to be filled in and
 * encrypted or replaced by an ExternalSecret; never applied with the placeholders.
 */
export function secretSkeletons(wirings: readonly SecretWiring[], namespace: string): string {
  if (wirings.length === 0) return '';
  const docs = wirings.map((w) => {
    const header = [
      `Read by the chart through ${w.existingSecretPath.join('.')}.`,
      ...(w.removed.length ? [`Replaces the values removed from your files: ${w.removed.join(', ')}.`] : []),
      ...(w.keys.length === 0 ? ['The chart did not show which keys it reads from this Secret; see its README.'] : []),
    ];
    const body = stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: w.secretName, namespace },
      type: 'Opaque',
      stringData: Object.fromEntries(w.keys.map((k) => [k.key, placeholder(k)])),
    }, { lineWidth: 0 });
    return `${header.map((l) => `# ${l}`).join('\n')}\n${body}`;
  });
  return [
    '# Secrets this release reads. Fill in the values, then create them with kubectl, or better keep them',
    '# encrypted (SOPS, Sealed Secrets) or let External Secrets create them. Never commit real values.',
    ...docs.map((d) => `---\n${d}`),
  ].join('\n');
}
