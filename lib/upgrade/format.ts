/** The upgrade report as text: what the CLI prints and the values bundle carries. */
import { createTwoFilesPatch } from 'diff';
import type { OverrideStatus, ResourceChange, ResourceDiff, UpgradeReport } from './types';

export const STATUS_LABEL: Record<OverrideStatus, string> = {
  kept: 'kept',
  unread: 'no longer read',
  'type-changed': 'type changed',
  rejected: 'rejected by schema',
  'default-changed': 'default changed',
};

export const CHANGE_LABEL: Record<ResourceChange, string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  renamed: 'renamed',
  unchanged: 'unchanged',
};

const show = (v: unknown) => (v === undefined ? 'none' : JSON.stringify(v));

/** How many resources of each change, in a fixed order (`2 added, 1 removed`). */
export function resourceCounts(resources: readonly ResourceDiff[]): string {
  const order: ResourceChange[] = ['added', 'removed', 'changed', 'renamed', 'unchanged'];
  const parts = order.map((c) => [c, resources.filter((r) => r.change === c).length] as const).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([c, n]) => `${n} ${CHANGE_LABEL[c]}`).join(', ') : 'no resources';
}

/** A unified diff of one resource's old and new text (its header names both sides). */
export function resourcePatch(r: ResourceDiff): string {
  // Documents come without their final newline; both get one, so the patch does not remark on it.
  const text = (t: string | undefined) => (t === undefined || t === '' || t.endsWith('\n') ? (t ?? '') : `${t}\n`);
  const patch = createTwoFilesPatch(r.old ? `${r.old.kind} ${r.old.name} (before)` : '/dev/null', r.new ? `${r.new.kind} ${r.new.name} (after)` : '/dev/null', text(r.old?.text), text(r.new?.text), undefined, undefined, { context: 3 });
  // The first line is a separator of no use here.
  return patch.replace(/^=+\n/, '').replace(/^Index:.*\n=+\n/, '');
}

/** The whole report; `diffs` adds a unified diff under each changed or renamed resource. */
export function formatUpgradeReport(report: UpgradeReport, diffs = true): string {
  const out: string[] = [];
  out.push(`Upgrade preview: ${report.from.name} ${report.from.version} -> ${report.to.name} ${report.to.version}`, '');
  const { overrides, changedDefaults } = report.values;
  out.push(`Values: ${overrides.length} override${overrides.length === 1 ? '' : 's'}`);
  const width = Math.max(0, ...overrides.map((o) => STATUS_LABEL[o.status].length));
  for (const o of overrides) {
    out.push(`  ${STATUS_LABEL[o.status].padEnd(width)}  ${o.path} = ${show(o.value)}${o.suggestion ? `  (now ${o.suggestion}?)` : ''}`);
    if (o.status !== 'kept') out.push(`  ${' '.repeat(width)}  ${o.detail}`);
  }
  if (changedDefaults.length) {
    out.push('', 'Changed defaults that affect this configuration:');
    for (const d of changedDefaults) out.push(`  ${d.path}: ${show(d.oldDefault)} -> ${show(d.newDefault)}`);
  }
  out.push('', `Risks: ${report.risks.length}`);
  for (const r of report.risks) out.push(`  ! [${r.kind}] ${r.message}`);
  if (report.crds.length) {
    out.push('', 'CRDs (crds/):');
    for (const c of report.crds) out.push(`  ${c.change} ${c.file}`);
  }
  out.push('', `Resources: ${resourceCounts(report.resources)} (generated values are neither counted nor shown)`);
  for (const r of report.resources) {
    if (r.change === 'unchanged') continue;
    const name = r.change === 'renamed' ? `${r.old!.kind} ${r.old!.namespace}/${r.old!.name} -> ${r.new!.name}` : r.id;
    out.push(`  ${CHANGE_LABEL[r.change].padEnd(9)} ${name}`);
    if (diffs && (r.change === 'changed' || r.change === 'renamed')) {
      out.push(...resourcePatch(r).trimEnd().split('\n').map((l) => `    ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}
