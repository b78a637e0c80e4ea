'use client';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { CHANGE_LABEL, resourceCounts, STATUS_LABEL, type ResourceDiff, type UpgradeReport } from '@/lib/upgrade';

const DiffView = dynamic(() => import('../editor/DiffView').then((m) => m.DiffView), { ssr: false, loading: () => <p className="muted">Loading the diff viewer…</p> });

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

function resourceLabel(r: ResourceDiff): string {
  return r.change === 'renamed' ? `${r.old!.kind} ${r.old!.name} → ${r.new!.name}` : r.id;
}

/** An upgrade report: the user's values on top, risks, then the resources with a diff of the one chosen. */
export function UpgradeReportView({ report }: { report: UpgradeReport }) {
  const moved = report.resources.filter((r) => r.change !== 'unchanged');
  const unchanged = report.resources.filter((r) => r.change === 'unchanged');
  const [selected, setSelected] = useState<string | null>(moved[0]?.id ?? null);
  const chosen = report.resources.find((r) => r.id === selected) ?? null;
  const { overrides, changedDefaults } = report.values;
  return (
    <div className="upgrade-report">
      <h3>
        {report.from.name} {report.from.version} → {report.to.name} {report.to.version}
      </h3>
      <section aria-label="Your values">
        <h4>Your values ({overrides.length})</h4>
        {overrides.length === 0 ? (
          <p className="muted small">This configuration overrides no values.</p>
        ) : (
          <table className="upgrade-values">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Your value</th>
                <th scope="col">In {report.to.version}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.path} data-status={o.status}>
                  <th scope="row">
                    <code>{o.path}</code>
                  </th>
                  <td>
                    <code>{show(o.value)}</code>
                  </td>
                  <td>
                    <span className={`upgrade-status status-${o.status}`}>{STATUS_LABEL[o.status]}</span>
                    {o.suggestion && (
                      <span className="upgrade-suggestion">
                        {' '}
                        now <code>{o.suggestion}</code>?
                      </span>
                    )}
                    {o.status !== 'kept' && <div className="small muted">{o.detail}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {changedDefaults.length > 0 && (
          <>
            <h4>Changed defaults that reach this configuration</h4>
            <ul className="upgrade-defaults">
              {changedDefaults.map((d) => (
                <li key={d.path}>
                  <code>{d.path}</code>: <code>{show(d.oldDefault)}</code> → <code>{show(d.newDefault)}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-label="Risks">
        <h4>Risks ({report.risks.length})</h4>
        {report.risks.length === 0 ? (
          <p className="muted small">Nothing that needs care beyond the diff.</p>
        ) : (
          <ul className="upgrade-risks">
            {report.risks.map((r, i) => (
              <li key={i} data-kind={r.kind}>
                <pre className="upgrade-risk-text">{r.message}</pre>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Resources">
        <h4>Resources: {resourceCounts(report.resources)}</h4>
        <p className="muted small">Generated values (random passwords, keys, certificates) are neither counted nor shown as changes.</p>
        <div className="upgrade-resources">
          <ul className="upgrade-resource-list">
            {moved.map((r) => (
              <li key={r.id} data-change={r.change}>
                <button type="button" className="link-button" aria-current={r.id === selected ? 'true' : undefined} onClick={() => setSelected(r.id)}>
                  <span className={`upgrade-change change-${r.change}`}>{CHANGE_LABEL[r.change]}</span> {resourceLabel(r)}
                </button>
              </li>
            ))}
            {unchanged.length > 0 && (
              <li>
                <details>
                  <summary>{unchanged.length} unchanged</summary>
                  <ul>
                    {unchanged.map((r) => (
                      <li key={r.id}>
                        <button type="button" className="link-button" onClick={() => setSelected(r.id)}>
                          {r.id}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            )}
          </ul>
          {chosen && <DiffView key={chosen.id} original={chosen.old?.text ?? ''} modified={chosen.new?.text ?? ''} label={`Diff of ${resourceLabel(chosen)}`} />}
        </div>
      </section>
      {report.crds.length > 0 && (
        <section aria-label="CRDs">
          <h4>CRDs in crds/</h4>
          <ul>
            {report.crds.map((c) => (
              <li key={c.file}>
                {c.change} <code>{c.file}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
