/**
 * pkg/registry's references: `oci://host[:port]/path/name[:tag][@sha256:digest]`. OCI tags can't
 * hold `+`, so Helm stores a version's build metadata with `_` and reads it back as `+`.
 */

export const OCI_SCHEME = 'oci';

/** A parsed `oci://` reference. */
export interface OciReference {
  /** host[:port] */
  registry: string;
  /** The repository path, e.g. `org/charts/app`. */
  repository: string;
  /** The tag as written (a version with `+`), or ''. */
  tag: string;
  /** `sha256:<hex>`, or ''. */
  digest: string;
}

/** A reference that is not an OCI reference Helm accepts. */
export class ReferenceError extends Error {}

/** registry.IsOCI. */
export function isOci(ref: string): boolean {
  return ref.startsWith(`${OCI_SCHEME}://`);
}

const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses `oci://host/path[:tag][@digest]` (the scheme is optional). @throws ReferenceError */
export function parseOciReference(ref: string): OciReference {
  const raw = ref.replace(/^oci:\/\//, '');
  let rest = raw;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(`invalid reference: invalid digest ${JSON.stringify(digest)} in ${ref}`);
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new ReferenceError(`invalid reference: missing repository in ${ref}`);
  const registry = rest.slice(0, slash);
  let repository = rest.slice(slash + 1);
  let tag = '';
  const colon = repository.lastIndexOf(':');
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
  }
  if (!/^[a-zA-Z0-9.-]+(:[0-9]+)?$/.test(registry) && !/^\[[0-9a-fA-F:]+\](:[0-9]+)?$/.test(registry)) {
    throw new ReferenceError(`invalid reference: invalid registry ${JSON.stringify(registry)} in ${ref}`);
  }
  if (!REPOSITORY.test(repository)) throw new ReferenceError(`invalid reference: invalid repository ${JSON.stringify(repository)} in ${ref}`);
  if (tag !== '' && !TAG.test(tagForOci(tag))) throw new ReferenceError(`invalid reference: invalid tag ${JSON.stringify(tag)} in ${ref}`);
  return { registry, repository, tag, digest };
}

/** The OCI tag that stores a chart version (`+` becomes `_`). */
export function tagForOci(version: string): string {
  return version.replaceAll('+', '_');
}

/** The chart version an OCI tag stores (`_` back to `+`). */
export function versionFromTag(tag: string): string {
  return tag.replaceAll('_', '+');
}

/** The chart's name: the last segment of the repository path. */
export function chartNameOf(ref: OciReference): string {
  return ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
}

/** `oci://registry/repository[:tag][@digest]`. */
export function formatOciReference(ref: OciReference): string {
  return `oci://${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
