/**
 * The upgrade report's manifest diff against helm as the oracle: `helm template` of both
 * storefront versions with the same values, each run twice so that helm's own random values
 * show themselves, documents matched by group/kind/namespace/name. Every object the report calls
 * added, removed, changed or unchanged must be so in helm's output, and the text the report
 * diffs must be helm's text (generated values masked the same way).
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { maskGenerated } from '../../lib/upgrade/generated';
import { resourceId } from '../../lib/upgrade/render';
import { upgradeReport } from '../../lib/upgrade/upgrade';
import { REFERENCE, runHelm } from '../helm/reference';
import { RELEASE, storefront, userValues, V1_DIR, V2_DIR, VALUES_FILE } from './fixture';

type Docs = Map<string, string>;

/** helm's output as documents by identity (objects without a namespace are in `default`). */
function documents(output: string): Docs {
  const docs: Docs = new Map();
  for (const part of output.split(/^---\n# Source: .*\n/m).slice(1)) {
    const text = part.replace(/\n$/, '');
    const o = parseYaml(text) as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
    docs.set(resourceId(o.apiVersion, o.kind, o.metadata.namespace ?? 'default', o.metadata.name), text);
  }
  return docs;
}

/** Two helm runs of one chart, the first's documents with what differs from the second masked. */
async function helmDocs(dir: string): Promise<Docs> {
  // Helm refuses 2.0.0's schema for these values; the report shows the diff anyway, so does this.
  const args = ['template', RELEASE, dir, '-f', VALUES_FILE, '--skip-schema-validation'];
  const [a, b] = await Promise.all([runHelm(args), runHelm(args)]);
  expect(a.stderr).toBe('');
  const first = documents(a.stdout);
  const second = documents(b.stdout);
  expect([...first.keys()]).toEqual([...second.keys()]);
  return new Map([...first].map(([id, text]) => [id, maskGenerated(text, second.get(id)!)]));
}

describe(`upgrade manifest diff agrees with helm ${REFERENCE.release}`, async () => {
  const [helmOld, helmNew] = await Promise.all([helmDocs(V1_DIR), helmDocs(V2_DIR)]);
  const values = userValues(REFERENCE.setting);
  const report = upgradeReport({ from: { chart: storefront(1), values }, to: { chart: storefront(2), values }, release: { releaseName: RELEASE, helmVersion: REFERENCE.setting } });

  it('names the same objects on each side', () => {
    const ours = { old: new Set<string>(), new: new Set<string>() };
    for (const r of report.resources) {
      if (r.old) ours.old.add(r.change === 'renamed' ? resourceId(r.old.apiVersion, r.old.kind, r.old.namespace, r.old.name) : r.id);
      if (r.new) ours.new.add(r.id);
    }
    expect([...ours.old].sort()).toEqual([...helmOld.keys()].sort());
    expect([...ours.new].sort()).toEqual([...helmNew.keys()].sort());
  });

  it("diffs helm's text, generated values masked", () => {
    for (const r of report.resources) {
      if (r.new) expect(r.new.text, r.id).toBe(helmNew.get(r.id));
      if (r.old) expect(r.old.text, r.id).toBe(helmOld.get(resourceId(r.old.apiVersion, r.old.kind, r.old.namespace, r.old.name)));
    }
  });

  it('calls unchanged exactly the objects whose text helm renders the same', () => {
    const helmUnchanged = [...helmNew.keys()].filter((id) => helmOld.get(id) === helmNew.get(id)).sort();
    expect(report.resources.filter((r) => r.change === 'unchanged').map((r) => r.id).sort()).toEqual(helmUnchanged);
    // The fixture's Secret holds a random password and key: helm renders it differently every time.
    expect(helmUnchanged).toContain('Secret default/shop-auth');
  });

  it('counts as changed the objects helm renders differently, and agrees on added and removed', () => {
    const both = [...helmNew.keys()].filter((id) => helmOld.has(id));
    expect(report.resources.filter((r) => r.change === 'changed').map((r) => r.id).sort()).toEqual(both.filter((id) => helmOld.get(id) !== helmNew.get(id)).sort());
    const renamedNew = report.resources.filter((r) => r.change === 'renamed').map((r) => r.id);
    expect(report.resources.filter((r) => r.change === 'added').map((r) => r.id).sort()).toEqual([...helmNew.keys()].filter((id) => !helmOld.has(id) && !renamedNew.includes(id)).sort());
  });
});
