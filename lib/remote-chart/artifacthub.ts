/**
 * Artifact Hub package pages to the chart they describe, through Artifact Hub's public API:
 * GET /api/v1/packages/helm/{repoName}/{packageName}[/{version}] answers a Package whose
 * `repository.url` is the Helm repository (or `oci://` prefix) and whose `available_versions`
 * lists the versions. The API allows cross-origin reads only for search, so this goes through
 * the chart material route like everything else.
 */
import { z } from '../zod';
import { getBytes, MAX_INDEX_BYTES, type Fetch } from '../helm';

const packageSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  repository: z.object({ url: z.string().min(1), name: z.string().optional() }),
  available_versions: z.array(z.object({ version: z.string(), prerelease: z.boolean().optional() })).optional(),
});

/** Where an Artifact Hub package lives. */
export interface HubPackage {
  /** The Helm repository URL, or for OCI charts the `oci://` prefix the chart sits under. */
  repository: string;
  name: string;
  /** The version the page shows (the newest, or the one in its URL). */
  version: string;
  /** Every version Artifact Hub knows, newest first as it lists them. */
  versions: string[];
}

/** The package an Artifact Hub API URL describes; errors name the URL. */
export async function resolveHubPackage(apiUrl: string, fetch: Fetch): Promise<HubPackage> {
  const { bytes } = await getBytes(fetch, apiUrl, { accept: 'application/json', maxBytes: MAX_INDEX_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`${apiUrl}: Artifact Hub sent invalid JSON (${(e as Error).message})`);
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${apiUrl}: not an Artifact Hub Helm package (${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message})`);
  const p = parsed.data;
  let repository = p.repository.url.replace(/\/+$/, '');
  // An OCI repository on Artifact Hub is the chart's own reference; the chart is its last segment.
  if (repository.startsWith('oci://') && repository.endsWith(`/${p.name}`)) repository = repository.slice(0, -p.name.length - 1);
  const versions = (p.available_versions ?? []).map((v) => v.version);
  return { repository, name: p.name, version: p.version, versions: versions.length ? versions : [p.version] };
}
