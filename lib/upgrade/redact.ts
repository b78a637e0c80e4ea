/**
 * An upgrade report for places secrets must not go (the values bundle): the user's values and
 * the defaults at secret paths replaced, and the resource texts (which may carry Secret data)
 * left out.
 */
import { pathKeys } from '../helm';
import { fieldForPath, findSecretPaths, isSecretKeyName, type SecretField } from '../share';
import type { UpgradeReport } from './types';

export const REDACTED = '<secret>';

function secretAt(path: string, value: unknown, fields: readonly SecretField[]): boolean {
  const parts = pathKeys(path);
  const last = parts[parts.length - 1];
  return !!fieldForPath(parts, fields) || isSecretKeyName(last) || findSecretPaths({ [last]: value }).length > 0;
}

export function redactReport(report: UpgradeReport, fields: readonly SecretField[]): UpgradeReport {
  const hide = <T extends { path: string; value?: unknown; oldDefault?: unknown; newDefault?: unknown }>(e: T): T => {
    if (![e.value, e.oldDefault, e.newDefault].some((v) => v !== undefined && secretAt(e.path, v, fields))) return e;
    const out = { ...e };
    for (const k of ['value', 'oldDefault', 'newDefault'] as const) if (out[k] !== undefined) out[k] = REDACTED;
    return out;
  };
  return {
    ...report,
    values: { overrides: report.values.overrides.map(hide), changedDefaults: report.values.changedDefaults.map(hide) },
    resources: report.resources.map((r) => ({ ...r, ...(r.old ? { old: { ...r.old, text: '' } } : {}), ...(r.new ? { new: { ...r.new, text: '' } } : {}) })),
  };
}
