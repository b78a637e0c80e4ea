/**
 * The digest a share link carries for a chart opened from disk. Its own module, outside the
 * configurator's index: SHA-256 loads only when a link is made or checked.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import type { LocalChart } from './local-chart';

/**
 * What identifies an opened chart beyond its name and version, for share links: the SHA-256 of
 * the .tgz (as `helm package` made it), or of the folder's files in path order.
 */
export function localChartDigest(source: LocalChart['source']): string {
  const bytes =
    source.kind === 'archive'
      ? source.bytes
      : new TextEncoder().encode(JSON.stringify([...source.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => [f.path, f.text ?? null, f.base64 ?? null])));
  return `sha256:${hex.encode(sha256(bytes))}`;
}
