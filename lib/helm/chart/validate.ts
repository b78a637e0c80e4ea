/**
 * chart.Metadata.Validate and friends (Helm 3.17): sanitizes strings in place and reports the
 * first problem as a {@link ValidationError} (`validation: chart.metadata.name is required`).
 */
import { parseVersion } from '../../deps';
import { CodedError } from '../../errors';
import type { Chart, Dependency, Maintainer, Metadata } from './chart';

/** chart.ValidationError: its text is prefixed with `validation: `; it is about the chart's Chart.yaml. */
export class ValidationError extends CodedError {
  constructor(message: string) {
    super('chart-load', `validation: ${message}`, { file: 'Chart.yaml' });
    this.name = 'ValidationError';
  }
}

const SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/u;
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** Go's sanitizeString: spaces become ' ', non-printable runes are dropped. */
export function sanitizeString(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SPACE.test(ch)) out += ' ';
    else if (PRINTABLE.test(ch)) out += ch;
  }
  return out;
}

/** Go's path/filepath.Base for slash-separated paths. */
function baseName(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Masterminds' semver.NewVersion succeeds. */
export function isValidSemver(v: string): boolean {
  try {
    parseVersion(v);
    return true;
  } catch {
    return false;
  }
}

const ALIAS_NAME = /^[a-zA-Z0-9_-]+$/;

function validateMaintainer(m: Maintainer | null): void {
  if (m === null) throw new ValidationError('maintainers must not contain empty or null nodes');
  m.name = sanitizeString(m.name);
  m.email = sanitizeString(m.email);
  m.url = sanitizeString(m.url);
}

/** chart.Dependency.Validate. */
export function validateDependency(d: Dependency | null): void {
  if (d === null) throw new ValidationError('dependencies must not contain empty or null nodes');
  d.name = sanitizeString(d.name);
  d.version = sanitizeString(d.version);
  d.repository = sanitizeString(d.repository);
  d.condition = sanitizeString(d.condition);
  if (d.tags) d.tags = d.tags.map(sanitizeString);
  if (d.alias !== '' && !ALIAS_NAME.test(d.alias)) {
    throw new ValidationError(`dependency ${JSON.stringify(d.name)} has disallowed characters in the alias`);
  }
}

/** chart.Metadata.Validate: sanitizes fields in place. @throws ValidationError */
export function validateMetadata(md: Metadata): void {
  md.name = sanitizeString(md.name);
  md.description = sanitizeString(md.description);
  md.home = sanitizeString(md.home);
  md.icon = sanitizeString(md.icon);
  md.condition = sanitizeString(md.condition);
  md.tags = sanitizeString(md.tags);
  md.appVersion = sanitizeString(md.appVersion);
  md.kubeVersion = sanitizeString(md.kubeVersion);
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);

  if (md.apiVersion === '') throw new ValidationError('chart.metadata.apiVersion is required');
  if (md.name === '') throw new ValidationError('chart.metadata.name is required');
  if (md.name !== baseName(md.name)) throw new ValidationError(`chart.metadata.name ${JSON.stringify(md.name)} is invalid`);
  if (md.version === '') throw new ValidationError('chart.metadata.version is required');
  if (!isValidSemver(md.version)) throw new ValidationError(`chart.metadata.version ${JSON.stringify(md.version)} is invalid`);
  if (!['', 'application', 'library'].includes(md.type)) throw new ValidationError('chart.metadata.type must be application or library');

  for (const m of md.maintainers ?? []) validateMaintainer(m);

  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    validateDependency(d);
    const key = d!.alias !== '' ? d!.alias : d!.name;
    if (seen.has(key)) throw new ValidationError(`more than one dependency with name or alias ${JSON.stringify(key)}`);
    seen.add(key);
  }
}

/** chart.Chart.Validate. @throws ValidationError */
export function validateChart(c: Chart): void {
  validateMetadata(c.metadata);
}
