/**
 * What the user pasted into "Open from a repository": a Helm repository URL (its index.yaml
 * lists the charts), an `oci://` reference of one chart, or an Artifact Hub package page.
 */

export type ChartLocation =
  | { kind: 'repo'; url: string }
  | { kind: 'oci'; repository: string; name: string; tag: string }
  | { kind: 'artifacthub'; apiUrl: string; page: string };

export type Located = { ok: true; location: ChartLocation } | { ok: false; message: string };

/** Reads the user's text; the message says what was expected. */
export function locateChart(input: string): Located {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Paste a Helm repository URL, an oci:// reference or an Artifact Hub package URL.' };
  if (/^oci:\/\//i.test(text)) {
    const rest = text.slice('oci://'.length).replace(/\/+$/, '');
    const slash = rest.lastIndexOf('/');
    if (slash <= 0) return { ok: false, message: `${text}: an oci:// reference names a registry and a chart, like oci://ghcr.io/org/charts/app` };
    const last = rest.slice(slash + 1);
    const colon = last.indexOf(':');
    const name = colon < 0 ? last : last.slice(0, colon);
    const tag = colon < 0 ? '' : last.slice(colon + 1);
    if (!name) return { ok: false, message: `${text}: the reference has no chart name` };
    return { ok: true, location: { kind: 'oci', repository: `oci://${rest.slice(0, slash)}`, name, tag } };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `${text} is not a URL. Paste a Helm repository URL (https://…), an oci:// reference or an Artifact Hub package URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `${text}: only https:// and oci:// locations can be opened` };
  if (url.username || url.password) return { ok: false, message: `${url.host}: URLs with credentials are not opened (they would travel through the server)` };
  const hub = /^\/packages\/helm\/([^/]+)\/([^/]+)(?:\/([^/]+))?\/?$/.exec(url.pathname);
  if (hub) {
    const [, repo, pkg, version] = hub;
    const apiUrl = `${url.origin}/api/v1/packages/helm/${repo}/${pkg}${version ? `/${version}` : ''}`;
    return { ok: true, location: { kind: 'artifacthub', apiUrl, page: url.href } };
  }
  url.hash = '';
  url.search = '';
  const repoUrl = url.href.replace(/\/index\.yaml$/, '').replace(/\/+$/, '');
  return { ok: true, location: { kind: 'repo', url: repoUrl } };
}
