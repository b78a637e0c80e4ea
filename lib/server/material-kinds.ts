/**
 * What chart material may be: the media types the route accepts from a host and how large each
 * may be. Repository indexes are YAML (hosts label them many ways), archives are gzip, and
 * registries and Artifact Hub answer JSON. Anything else (an HTML login or error page, mostly) is
 * refused rather than handed to the page as a chart.
 */

const MB = 1024 * 1024;
/** The largest chart archive the route passes on. */
export const MAX_ARCHIVE_BYTES = 50 * MB;
/** The largest index, manifest or API answer the route passes on. */
export const MAX_DOCUMENT_BYTES = 20 * MB;

const ARCHIVE_TYPES = [
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-compressed-tar',
  'application/x-compressed',
  'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  // Generic binary: GitHub release assets, S3, most static servers for .tgz (and some for .yaml).
  'application/octet-stream',
  'binary/octet-stream',
];

const DOCUMENT_TYPES = [
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'text/plain',
  'application/json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.cncf.helm.config.v1+json',
  'application/vnd.oci.image.config.v1+json',
];

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The size cap for a response of this Content-Type, or null when the type is refused. */
export function sizeCapFor(contentType: string | null | undefined): number | null {
  const type = mediaType(contentType);
  if (ARCHIVE_TYPES.includes(type)) return MAX_ARCHIVE_BYTES;
  if (DOCUMENT_TYPES.includes(type)) return MAX_DOCUMENT_BYTES;
  return null;
}

/**
 * The Accept header the route sends: the page's, when it names only types the route accepts
 * (registries choose the manifest format by it), otherwise everything the route accepts.
 */
export function acceptHeader(requested: string | null | undefined): string {
  const wanted = (requested ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const known = wanted.length > 0 && wanted.every((t) => sizeCapFor(t) !== null || mediaType(t) === '*/*');
  return known ? wanted.join(', ') : [...DOCUMENT_TYPES, ...ARCHIVE_TYPES, '*/*;q=0.1'].join(', ');
}
