/**
 * Kubernetes' name rules and Helm's release name.
 * Other layers import it from here.
 */
export { isReleaseName, RELEASE_NAME, RELEASE_NAME_MAX_LENGTH, DNS1123_LABEL, DNS1123_LABEL_MAX_LENGTH, DNS1035_LABEL, DNS1123_SUBDOMAIN, DNS1123_SUBDOMAIN_MAX_LENGTH } from './names';
