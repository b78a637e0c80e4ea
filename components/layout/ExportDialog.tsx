'use client';
import { useState } from 'react';
import {
  defaultDeployFrom,
  exportEnvironments,
  exportGitopsRepo,
  exportShareLink,
  exportValuesBundle,
  gitopsOutcome,
  type ChartInfo,
  type ChartroomEnvironment,
  type ChartSource,
  type Configuration,
  type DeployFrom,
  type ExportOutcome,
  type Exporters,
} from '@/lib/configurator';
import type { GitopsRepo } from '@/lib/export';
import type { ChartOrigin } from '@/lib/remote-chart';
import type { UpgradeReport } from '@/lib/upgrade';
import { download } from './download';

export interface ExportDialogProps {
  /** Whether the dialog shows; it stays mounted while closed so what was typed survives. */
  open: boolean;
  info: ChartInfo;
  source: ChartSource;
  /** Where a chart opened from a repository came from: links and chartroom.json record it. */
  origin?: ChartOrigin;
  configuration: Configuration;
  /** Environments of the configuration (from an opened link or file); the GitOps export may rename them. */
  environments: ChartroomEnvironment[];
  /** The upgrade preview on screen, if any: the values bundle carries it. */
  upgradeReport: UpgradeReport | null;
}

/**
 * The chart loaded on the page for an export, and lib/export's builders. The Helm engine comes
 * with the chart, so both are fetched only when an export starts: the page itself renders
 * through the worker.
 */
async function exportTools(source: ChartSource) {
  const [{ loadChartOnPage }, exporters] = await Promise.all([import('@/lib/configurator/client/load-chart'), import('@/lib/export')]);
  return [await loadChartOnPage(source), exporters satisfies Exporters] as const;
}

/** The Export menu's dialog: values bundle, GitOps repository, share link. */
export function ExportDialog({ open, info, source, origin, configuration, environments, upgradeReport }: ExportDialogProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(ExportOutcome & { error?: boolean }) | null>(null);
  const [tool, setTool] = useState<'argocd' | 'flux'>('argocd');
  const [envText, setEnvText] = useState(environments.map((e) => e.name).join(', '));
  const [repoUrl, setRepoUrl] = useState('');
  const [branch, setBranch] = useState('main');
  // A chart opened from a repository is deployed from there unless the user says otherwise.
  const [chartFrom, setChartFrom] = useState<DeployFrom>(defaultDeployFrom(origin));
  const [chartUrl, setChartUrl] = useState(origin?.repository ?? '');
  const [progress, setProgress] = useState<number | null>(null);
  /** A GitOps repository built but held back: its output changes at every sync (findings to confirm). */
  const [heldBack, setHeldBack] = useState<GitopsRepo | null>(null);

  const { environments: envs, invalid: badEnv } = exportEnvironments(envText, environments);
  const subject = { info, source, origin, configuration, environments: envs };

  async function run(what: string, job: () => Promise<ExportOutcome | null>) {
    setBusy(true);
    setResult(null);
    setHeldBack(null);
    try {
      const outcome = await job();
      if (outcome?.file) download(outcome.file.bytes, outcome.file.fileName, 'application/zip');
      setResult(outcome);
    } catch (e) {
      setResult({ text: `${what} failed: ${e instanceof Error ? e.message : String(e)}`, removed: [], warnings: [], error: true });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const bundle = () =>
    run('The values bundle', async () => {
      const [chart, exporters] = await exportTools(source);
      return exportValuesBundle(subject, chart, exporters, upgradeReport, setProgress);
    });

  const gitops = () =>
    run('The GitOps repository', async () => {
      const [chart, exporters] = await exportTools(source);
      const r = await exportGitopsRepo(subject, chart, exporters, { tool, repoUrl, branch, deployFrom: chartFrom, chartUrl }, setProgress);
      if (!('heldBack' in r)) return r;
      setHeldBack(r.heldBack);
      return null;
    });

  const downloadAnyway = (r: GitopsRepo) => {
    const outcome = gitopsOutcome(r);
    download(r.zip, r.fileName, 'application/zip');
    setHeldBack(null);
    setResult(outcome);
  };

  const copyLink = () =>
    run('Copying the link', async () => {
      const link = await exportShareLink(subject, `${location.origin}${location.pathname}`);
      await navigator.clipboard.writeText(link.url);
      return link;
    });

  if (!open) return null;
  return (
    <div id="export-dialog" role="dialog" aria-label="Export" className="export-dialog">
      <div className="row">
        <button type="button" className="button" disabled={busy} onClick={bundle}>
          Download values bundle
        </button>
        <button type="button" className="button" disabled={busy} onClick={copyLink}>
          Copy link
        </button>
      </div>
      <fieldset className="export-gitops">
        <legend>GitOps repository</legend>
        <label>
          Tool{' '}
          <select value={tool} onChange={(e) => setTool(e.target.value as 'argocd' | 'flux')}>
            <option value="argocd">Argo CD</option>
            <option value="flux">Flux</option>
          </select>
        </label>
        <label>
          Environments <input value={envText} placeholder="dev, prod" onChange={(e) => setEnvText(e.target.value)} />
        </label>
        {badEnv && <span className="error-text small">Environment names are lowercase letters, digits and "-".</span>}
        <label>
          Repository URL <input value={repoUrl} placeholder="https://git.example.com/org/deploy.git" onChange={(e) => setRepoUrl(e.target.value)} />
        </label>
        <label>
          Branch <input value={branch} onChange={(e) => setBranch(e.target.value)} />
        </label>
        <label>
          Chart source{' '}
          <select value={chartFrom} onChange={(e) => setChartFrom(e.target.value as DeployFrom)}>
            <option value="vendored">Vendored in the repository</option>
            <option value="helm-repo">Helm repository</option>
            <option value="oci">OCI registry</option>
          </select>
        </label>
        {chartFrom !== 'vendored' && (
          <label>
            Chart URL <input value={chartUrl} placeholder={chartFrom === 'oci' ? 'oci://ghcr.io/org/charts' : 'https://charts.example.com'} onChange={(e) => setChartUrl(e.target.value)} />
          </label>
        )}
        <button type="button" className="button" disabled={busy || !!badEnv} onClick={gitops}>
          Download GitOps repository
        </button>
      </fieldset>
      {busy && progress !== null && (
        <p className="muted small" role="status" aria-label="Export progress">
          Compressing… {Math.round(progress)}%
        </p>
      )}
      {heldBack && (
        <div className="banner warning" role="alertdialog" aria-label="GitOps warning">
          <p>Under {tool === 'argocd' ? 'Argo CD' : 'Flux'} this configuration renders differently at every sync (the README of the repository says so too):</p>
          <ul>
            {heldBack.gitops.map((f) => (
              <li key={`${f.id}:${f.source?.template}:${f.source?.line}`} className="small">
                <code>{f.id}</code> {f.message}
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="button" onClick={() => downloadAnyway(heldBack)}>
              Download anyway
            </button>
            <button type="button" className="button" onClick={() => setHeldBack(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className={`banner ${result.error ? 'error' : 'info'}`} role="status" aria-label="Export result">
          <p>{result.text}</p>
          {result.removed.length > 0 && (
            <>
              <p>Left out because they are secrets:</p>
              <ul className="export-removed">
                {result.removed.map((r) => (
                  <li key={r}>
                    <code>{r}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.warnings.map((w) => (
            <p key={w} className="small">
              {w}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
