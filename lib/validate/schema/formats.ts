/**
 * Kubernetes' own value rules (k8s.io/apimachinery/pkg/util/validation) that the OpenAPI types
 * don't carry: DNS-1123 names, label keys and values, port numbers and names, quantities.
 * Each check returns a problem description, or undefined when the value is fine.
 */
import { DNS1035_LABEL, DNS1123_LABEL, DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN, DNS1123_SUBDOMAIN_MAX_LENGTH } from '../../kube';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export type Check = (v: unknown) => string | undefined;

export const dns1123Label: Check = (v) =>
  typeof v !== 'string' ? undefined
  : v.length > DNS1123_LABEL_MAX_LENGTH ? `"${v}" is longer than ${DNS1123_LABEL_MAX_LENGTH} characters`
  : DNS1123_LABEL.test(v) ? undefined
  : `"${v}" is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)`;

export const dns1035Label: Check = (v) =>
  typeof v !== 'string' ? undefined
  : v.length > DNS1123_LABEL_MAX_LENGTH ? `"${v}" is longer than ${DNS1123_LABEL_MAX_LENGTH} characters`
  : DNS1035_LABEL.test(v) ? undefined
  : `"${v}" is not a DNS-1035 label (lowercase letters, digits and '-', starting with a letter)`;

export const dns1123Subdomain: Check = (v) =>
  typeof v !== 'string' ? undefined
  : v.length > DNS1123_SUBDOMAIN_MAX_LENGTH ? `"${v}" is longer than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`
  : DNS1123_SUBDOMAIN.test(v) ? undefined
  : `"${v}" is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.')`;

/** A label or annotation key: optional DNS subdomain prefix, '/', and a qualified name. */
export function qualifiedKey(k: string): string | undefined {
  const slash = k.indexOf('/');
  const [prefix, name] = slash < 0 ? ['', k] : [k.slice(0, slash), k.slice(slash + 1)];
  if (slash >= 0 && (prefix === '' || dns1123Subdomain(prefix))) return `key "${k}" has an invalid prefix "${prefix}"`;
  if (name.length === 0 || name.length > 63) return `key "${k}": the name part must be 1 to 63 characters`;
  if (!QUALIFIED_NAME.test(name)) return `key "${k}": the name part may hold letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
  return undefined;
}

export const labelValue: Check = (v) =>
  typeof v !== 'string' ? undefined
  : v.length > 63 ? `label value "${v}" is longer than 63 characters`
  : LABEL_VALUE.test(v) ? undefined
  : `label value "${v}" may hold letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;

export const portNumber: Check = (v) =>
  typeof v === 'number' && (!Number.isInteger(v) || v < 1 || v > 65535) ? `port ${v} is not between 1 and 65535` : undefined;

export const nodePort: Check = (v) =>
  typeof v === 'number' && v !== 0 && (v < 30000 || v > 32767) ? `nodePort ${v} is outside the default NodePort range 30000-32767` : undefined;

/** IANA service names: what named ports must be. */
export const portName: Check = (v) => {
  if (typeof v !== 'string' || v === '') return undefined;
  if (v.length > 15) return `port name "${v}" is longer than 15 characters`;
  if (!IANA_SVC_NAME.test(v)) return `port name "${v}" may hold lowercase letters, digits and '-', starting and ending with a letter or digit`;
  if (v.includes('--')) return `port name "${v}" must not contain "--"`;
  if (!/[a-z]/.test(v)) return `port name "${v}" must contain at least one letter`;
  return undefined;
};

/** A port given as a number or a name (Service targetPort, probe ports). */
export const portNumberOrName: Check = (v) => (typeof v === 'number' ? portNumber(v) : portName(v));

export const quantity: Check = (v) =>
  typeof v === 'string' && !QUANTITY.test(v) ? `"${v}" is not a valid quantity (e.g. 500m, 1, 1.5, 256Mi, 2Gi)` : undefined;

export const configKey: Check = (v) =>
  typeof v === 'string' && (v.length > 253 || !CONFIG_KEY.test(v)) ? `key "${v}" may hold only letters, digits, '-', '_' and '.'` : undefined;

/**
 * RBAC objects' names are path segments (ValidateRBACName): anything but `.`, `..`, `/` and `%`,
 * so `system:controller:foo` is valid.
 */
const pathSegmentName: Check = (v) => {
  if (typeof v !== 'string' || v === '') return 'must be a non-empty string';
  if (v === '.' || v === '..') return `"${v}" may not be used as a name`;
  const bad = ['/', '%'].find((c) => v.includes(c));
  return bad ? `"${v}" may not contain '${bad}'` : undefined;
};

/** Kinds whose names are DNS-1035 labels (Services), DNS-1123 labels or path segments (RBAC); every other kind's are subdomains. */
const NAME_RULES: Record<string, Check> = {
  Service: dns1035Label,
  Namespace: dns1123Label,
  Pod: dns1123Subdomain,
  StatefulSet: dns1123Label,
  Role: pathSegmentName,
  ClusterRole: pathSegmentName,
  RoleBinding: pathSegmentName,
  ClusterRoleBinding: pathSegmentName,
};

/** Checks `metadata.name` of an object of `kind`. */
export function objectName(kind: string, name: unknown): string | undefined {
  return (NAME_RULES[kind] ?? dns1123Subdomain)(name);
}

/** Field checks by `Type.field` of the compact schema. */
export const FIELD_CHECKS: Record<string, Check> = {
  'Container.name': dns1123Label,
  'EphemeralContainer.name': dns1123Label,
  'ContainerPort.containerPort': portNumber,
  'ContainerPort.hostPort': portNumber,
  'ContainerPort.name': portName,
  'ServicePort.port': portNumber,
  'ServicePort.targetPort': portNumberOrName,
  'ServicePort.nodePort': nodePort,
  'ServicePort.name': dns1123Label,
  'HttpGetAction.port': portNumberOrName,
  'TcpSocketAction.port': portNumberOrName,
  'GrpcAction.port': portNumber,
  'NetworkPolicyPort.port': portNumberOrName,
  'ServiceBackendPort.number': portNumber,
  'Volume.name': dns1123Label,
};
