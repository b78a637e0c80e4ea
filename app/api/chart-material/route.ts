/**
 * GET /api/chart-material?url=…: chart material (repository indexes, archives, registry
 * manifests and blobs, Artifact Hub answers) for the page, which can't read most chart hosts
 * itself (no CORS). The rules are lib/server/guarded-fetch.ts's; CHARTROOM_FETCH_ALLOW_LOCAL=1
 * lifts the public-address and https rules for tests against local servers, and nothing else.
 */
import { fetchMaterial, MaterialFetchError, policyFromEnvironment, MaterialCache } from '@/lib/server';

export const dynamic = 'force-dynamic';

const cache = new MaterialCache({ maxBytes: 256 * 1024 * 1024, ttlMs: 10 * 60 * 1000 });

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url).searchParams.get('url');
  if (!url) return refusal('the url parameter is missing', 400);
  const accept = request.headers.get('accept');
  const policy = policyFromEnvironment(process.env);
  try {
    const material = await cache.get(`${accept ?? ''}\n${url}`, () => fetchMaterial(url, accept, policy));
    const headers: Record<string, string> = {
      'content-type': material.contentType,
      'x-chartroom-url': material.url,
      'cache-control': 'no-store',
    };
    if (material.dockerContentDigest) headers['docker-content-digest'] = material.dockerContentDigest;
    return new Response(material.body as Uint8Array<ArrayBuffer>, { headers });
  } catch (e) {
    if (e instanceof MaterialFetchError) return refusal(e.message, e.status);
    return refusal(`${url}: ${(e as Error).message}`, 502);
  }
}

function refusal(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: { 'cache-control': 'no-store' } });
}

/** GET only: a HEAD would fetch the material just the same. */
export function HEAD(): Response {
  return new Response(null, { status: 405, headers: { Allow: 'GET' } });
}
