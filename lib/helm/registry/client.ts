/**
 * pkg/registry's client for reading charts from an OCI registry (the distribution API): tags,
 * manifests and blobs, with anonymous bearer tokens (what ghcr.io and Docker Hub ask of public
 * pulls). Every blob is checked against the digest and size its manifest gives.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { compareVersions, parseConstraint, parseStrictVersion, parseVersion, satisfies, versionString, type SemverRelease } from '../../deps';
import { semverRelease, type HelmVersion } from '../version';
import { FetchError, getBytes, getResponse, MAX_ARCHIVE_BYTES, MAX_METADATA_BYTES, readBody, type Fetch } from '../getter/fetch';
import { formatOciReference, tagForOci, versionFromTag, type OciReference } from './reference';

/** application/vnd.cncf.helm.config.v1+json: a chart manifest's config. */
export const CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
/** The chart archive layer. */
export const CHART_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
/** The provenance layer. */
export const PROV_LAYER_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
/** The chart layer's media type before Helm 3.8 (still read, with a warning). */
export const LEGACY_CHART_LAYER_MEDIA_TYPE = 'application/tar+gzip';
/** The manifest type Helm pushes. */
export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

/** A registry answer that is not a Helm chart, or a blob that does not match its digest. */
export class RegistryError extends Error {}

export interface RegistryOptions {
  fetch: Fetch;
  /** Talk HTTP instead of HTTPS (helm's `--plain-http`), for every registry or those this says. */
  plainHttp?: boolean | ((registry: string) => boolean);
  signal?: AbortSignal;
  /** Told about deprecated media types, as helm prints them. */
  warn?: (message: string) => void;
  /** The helm whose semver rules read tags and constraints (default: the default Helm version). */
  helmVersion?: HelmVersion;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/** A chart pulled from a registry. */
export interface PulledChart {
  /** The reference pulled, with the tag that was resolved. */
  ref: string;
  /** The manifest's digest (`sha256:…`), what `helm pull` prints as Digest. */
  manifestDigest: string;
  /** The chart layer's digest: the SHA-256 of `archive`. */
  chartDigest: string;
  archive: Uint8Array;
  /** The config blob: the chart's Chart.yaml as JSON. */
  config: Record<string, unknown>;
}

const sha256Digest = (b: Uint8Array): string => `sha256:${hex.encode(sha256(b))}`;

export class RegistryClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly opts: RegistryOptions) {}

  private base(ref: OciReference): string {
    const plain = typeof this.opts.plainHttp === 'function' ? this.opts.plainHttp(ref.registry) : !!this.opts.plainHttp;
    return `${plain ? 'http' : 'https'}://${ref.registry}/v2/${ref.repository}`;
  }

  /** A GET with the registry's token; on a 401 bearer challenge, fetches an anonymous token once. */
  private async get(ref: OciReference, url: string, accept: string, maxBytes: number): Promise<{ bytes: Uint8Array; headers: { get(n: string): string | null } }> {
    const key = `${ref.registry}/${ref.repository}`;
    for (let attempt = 0; ; attempt++) {
      const token = this.tokens.get(key);
      const { url: final, response } = await getResponse(this.opts.fetch, url, { accept, headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: this.opts.signal });
      if (response.status === 401 && attempt === 0) {
        const challenge = response.headers.get('www-authenticate') ?? '';
        await response.body?.cancel().catch(() => {});
        if (/^bearer /i.test(challenge)) {
          this.tokens.set(key, await this.anonymousToken(challenge, ref));
          continue;
        }
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        const what = response.status === 404 ? `${formatOciReference(ref)}: not found` : `${formatOciReference(ref)}: ${response.status} ${response.statusText}`.trimEnd();
        throw new FetchError(final, `failed to fetch ${final} : ${what}`, response.status);
      }
      return { bytes: await readBody(response, final, maxBytes), headers: response.headers };
    }
  }

  private async anonymousToken(challenge: string, ref: OciReference): Promise<string> {
    const params = new Map<string, string>();
    for (const m of challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params.set(m[1].toLowerCase(), m[2]);
    const realm = params.get('realm');
    if (!realm) throw new RegistryError(`${formatOciReference(ref)}: the registry asks for credentials without saying where to get a token`);
    const u = new URL(realm);
    if (params.has('service')) u.searchParams.set('service', params.get('service')!);
    u.searchParams.set('scope', params.get('scope') ?? `repository:${ref.repository}:pull`);
    const { bytes } = await getBytes(this.opts.fetch, u.href, { maxBytes: MAX_METADATA_BYTES, signal: this.opts.signal });
    const body = parseJson(bytes, u.href) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${formatOciReference(ref)}: the registry's token service ${realm} gave no token`);
    return token;
  }

  /**
   * Client.Tags: the repository's tags that are strict semantic versions (`_` read as `+`), as
   * their canonical strings, newest first, following the tag list's pages.
   */
  async tags(ref: OciReference): Promise<string[]> {
    const found: string[] = [];
    let next: string | null = `${this.base(ref)}/tags/list`;
    for (let page = 0; next && page < 100; page++) {
      const { bytes, headers } = await this.get(ref, next, 'application/json', MAX_METADATA_BYTES);
      const body = parseJson(bytes, next) as { tags?: unknown };
      for (const t of Array.isArray(body.tags) ? body.tags : []) if (typeof t === 'string') found.push(t);
      const link = /<([^>]+)>;\s*rel="?next"?/.exec(headers.get('link') ?? '');
      next = link ? new URL(link[1], next).href : null;
    }
    const release = semverRelease(this.opts.helmVersion);
    const versions = found.flatMap((t) => {
      try {
        return [parseStrictVersion(versionFromTag(t), release)];
      } catch {
        return [];
      }
    });
    return versions.sort((a, b) => compareVersions(b, a)).map(versionString);
  }

  /**
   * ValidateReference: the tag to pull for `version` (a version or constraint; '' means the
   * reference's own tag, else the newest version tag).
   * @throws RegistryError `chart reference and version mismatch`, `could not locate a version ...`
   */
  async resolveTag(ref: OciReference, version: string): Promise<string> {
    if (version === '') version = ref.tag;
    else if (ref.tag !== '' && ref.tag !== version) throw new RegistryError(`chart reference and version mismatch: ${version} is not ${ref.tag}`);
    const release = semverRelease(this.opts.helmVersion);
    if (version !== '' && isVersion(version, release)) return version;
    const tags = await this.tags(ref);
    if (tags.length === 0) throw new RegistryError(`unable to locate any tags in provided repository: ${formatOciReference({ ...ref, tag: '', digest: '' })}`);
    return tagMatchingVersionOrConstraint(tags, version, release);
  }

  /** Client.Pull of a chart: manifest, config and chart layer, each checked against its digest. */
  async pullChart(ref: OciReference): Promise<PulledChart> {
    const target = ref.digest || tagForOci(ref.tag);
    if (!target) throw new RegistryError(`${formatOciReference(ref)}: no tag or digest to pull`);
    const { bytes: manifestBytes } = await this.get(ref, `${this.base(ref)}/manifests/${target}`, `${OCI_MANIFEST_MEDIA_TYPE}, application/vnd.oci.image.index.v1+json;q=0.5`, MAX_METADATA_BYTES);
    const manifestDigest = sha256Digest(manifestBytes);
    if (ref.digest && ref.digest !== manifestDigest) throw new RegistryError(`${formatOciReference(ref)}: the manifest's digest is ${manifestDigest}`);
    const manifest = parseJson(manifestBytes, formatOciReference(ref)) as { mediaType?: string; config?: Descriptor; layers?: Descriptor[] };
    const name = formatOciReference(ref);
    if (manifest.mediaType !== undefined && manifest.mediaType !== OCI_MANIFEST_MEDIA_TYPE) {
      throw new RegistryError(`${name}: the manifest has media type ${manifest.mediaType}, not a Helm chart's ${OCI_MANIFEST_MEDIA_TYPE}`);
    }
    const descriptors = [manifest.config, ...(manifest.layers ?? [])].filter((d): d is Descriptor => !!d && typeof d === 'object');
    const config = descriptors.find((d) => d.mediaType === CONFIG_MEDIA_TYPE);
    if (!config) throw new RegistryError(`${name}: could not load config with mediatype ${CONFIG_MEDIA_TYPE} (the manifest's config is ${manifest.config?.mediaType ?? 'missing'})`);
    let chart = descriptors.find((d) => d.mediaType === CHART_LAYER_MEDIA_TYPE);
    if (!chart) {
      chart = descriptors.find((d) => d.mediaType === LEGACY_CHART_LAYER_MEDIA_TYPE);
      if (chart) this.opts.warn?.(`Warning: chart media type ${LEGACY_CHART_LAYER_MEDIA_TYPE} is deprecated`);
    }
    if (!chart) throw new RegistryError(`${name}: manifest does not contain a layer with mediatype ${CHART_LAYER_MEDIA_TYPE}`);
    const configBytes = await this.blob(ref, config, MAX_METADATA_BYTES);
    const archive = await this.blob(ref, chart, MAX_ARCHIVE_BYTES);
    return {
      ref: `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`,
      manifestDigest,
      chartDigest: chart.digest,
      archive,
      config: parseJson(configBytes, name) as Record<string, unknown>,
    };
  }

  private async blob(ref: OciReference, d: Descriptor, maxBytes: number): Promise<Uint8Array> {
    if (typeof d.size === 'number' && d.size > maxBytes) {
      throw new RegistryError(`${formatOciReference(ref)}: layer ${d.digest} is ${d.size} bytes, more than the limit of ${maxBytes}`);
    }
    const { bytes } = await this.get(ref, `${this.base(ref)}/blobs/${d.digest}`, '*/*', maxBytes);
    const got = sha256Digest(bytes);
    if (got !== d.digest || (typeof d.size === 'number' && bytes.length !== d.size)) {
      throw new RegistryError(`${formatOciReference(ref)}: blob ${d.digest} does not match its digest (got ${got}, ${bytes.length} bytes)`);
    }
    return bytes;
  }
}

function isVersion(s: string, release: SemverRelease): boolean {
  try {
    parseVersion(s, release);
    return true;
  } catch {
    return false;
  }
}

/** GetTagMatchingVersionOrConstraint over tags sorted newest first, by the semver release the helm links. */
export function tagMatchingVersionOrConstraint(tags: string[], version: string, release: SemverRelease): string {
  if (version !== '' && tags.includes(version)) return version;
  let c;
  try {
    c = parseConstraint(version === '' ? '*' : version, release);
  } catch (e) {
    throw new RegistryError((e as Error).message);
  }
  for (const t of tags) {
    try {
      if (satisfies(parseVersion(t, release), c)) return t;
    } catch {
      // not a version
    }
  }
  throw new RegistryError(`could not locate a version matching provided version string ${version}`);
}

function parseJson(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new RegistryError(`${where}: the registry sent invalid JSON: ${(e as Error).message}`);
  }
}
