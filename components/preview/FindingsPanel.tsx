'use client';
import type { RenderedResource } from '@/lib/configurator';
import type { Finding, Preset } from '@/lib/validate';
import { focusField } from '../layout/navigate';

interface FindingsPanelProps {
  findings: Finding[] | null;
  error: string | null;
  resources: RenderedResource[];
  preset: Preset;
  onPreset: (p: Preset) => void;
  kubeVersion: string;
  /** Opens a resource, at the finding's line when it has one. */
  onSelectResource: (id: string, line?: number) => void;
}

/** Counts by severity for the tab label. */
export function findingsLabel(findings: Finding[] | null): string {
  if (!findings) return 'Findings';
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `Findings (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`;
}

/** What the rendered manifests would do wrong on the target cluster, each linked to its resource and value. */
export function FindingsPanel({ findings, error, resources, preset, onPreset, kubeVersion, onSelectResource }: FindingsPanelProps) {
  const resourceOf = (f: Finding) =>
    resources.find((r) => r.kind === f.resource.kind && r.name === f.resource.name && r.source === f.resource.template) ??
    resources.find((r) => r.kind === f.resource.kind && r.name === f.resource.name);
  return (
    <div className="findings">
      <p className="row small muted">
        Checked against Kubernetes {kubeVersion} with the{' '}
        <select aria-label="Rule set" value={preset} onChange={(e) => onPreset(e.target.value as Preset)}>
          <option value="development">development</option>
          <option value="production">production</option>
        </select>{' '}
        rules.
      </p>
      {error && <p className="banner error">The manifests could not be checked: {error}</p>}
      {!findings && !error && <p className="muted">Checking…</p>}
      {findings && findings.length === 0 && <p className="muted">No findings.</p>}
      {findings && findings.length > 0 && (
        <ul className="findings-list" aria-label="Findings">
          {findings.map((f, i) => {
            const resource = resourceOf(f);
            return (
              <li key={`${f.id}-${i}`} data-rule={f.id} data-severity={f.severity}>
                <span className={`finding-severity ${f.severity}`}>{f.severity}</span>
                <code className="small">{f.id}</code> {f.message}
                <div className="small muted">{f.why}</div>
                <div className="small">
                  {resource ? (
                    <button type="button" className="link-button" onClick={() => onSelectResource(resource.id, f.line)}>
                      {f.resource.kind} {f.resource.name}
                    </button>
                  ) : (
                    <span>
                      {f.resource.kind} {f.resource.name}
                    </span>
                  )}
                  {f.path ? <> at <code>{f.path}</code></> : null}
                  {f.line ? ` (line ${f.line})` : ''}
                  {f.valuesPath && (
                    <>
                      {' '}
                      from{' '}
                      <button type="button" className="link-button" onClick={() => void focusField(f.valuesPath!)} title="Show this value in the form">
                        <code>{f.valuesPath}</code>
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
