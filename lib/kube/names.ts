/**
 * Kubernetes' name rules (k8s.io/apimachinery/pkg/util/validation) and Helm's release name rule
 * (chartutil.ValidateReleaseName), for the engine, the schema checks, share links and the page.
 */

/** A DNS-1123 label: lowercase letters, digits and '-', a letter or digit at both ends. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_LABEL_MAX_LENGTH = 63;

/** A DNS-1035 label: a DNS-1123 label that starts with a letter. */
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 subdomain: DNS-1123 labels joined by '.'. */
export const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

/** Helm's release names: the DNS-1123 subdomain pattern, at most 53 characters. */
export const RELEASE_NAME = DNS1123_SUBDOMAIN;
export const RELEASE_NAME_MAX_LENGTH = 53;

/** Whether helm accepts `name` as a release name. */
export function isReleaseName(name: string): boolean {
  return name !== '' && name.length <= RELEASE_NAME_MAX_LENGTH && RELEASE_NAME.test(name);
}
