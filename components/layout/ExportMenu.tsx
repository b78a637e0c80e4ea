'use client';
import { useRef, useState } from 'react';
import { configurationToShare, type ChartInfo, type ChartSource, type Configuration } from '@/lib/configurator';
import type { ChartroomEnvironment } from '@/lib/share';
import type { GitopsRepo } from '@/lib/export';
import { DNS1123_LABEL } from '@/lib/kube/names';
import type { ChartOrigin } from '@/lib/remote-chart/open-remote';
import type { UpgradeReport } from '@/lib/upgrade/types';
import { useDismiss } from '../ui/use-dismiss';
import { download } from './download';

interface ExportMenuProps {
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

type ChartFrom = 'vendored' | 'helm-repo' | 'oci';


/**
 * The chart loaded on the page for an export. The Helm engine comes with it, so it is fetched
 * only when an export starts: the page itself renders through the worker.
 */
async function chartOnPage(source: ChartSource) {
  const { loadChartOnPage } = await import('@/lib/configurator/client/load-chart');
  return loadChartOnPage(source);
}

/** Environment names typed as `dev, prod`, keeping the values of environments that already existed. */
function environmentsFrom(text: string, known: ChartroomEnvironment[]): ChartroomEnvironment[] {
  const names = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  return names.map((name) => known.find((e) => e.name === name) ?? { name, values: '' });
}

/** The configurator's Export menu: values bundle, GitOps repository, share link. */
export function ExportMenu({ info, source, origin, configuration, environments, upgradeReport }: ExportMenuProps) {
  const from = origin ? { repository: origin.repository, digest: origin.digest } : {};
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; removed: string[]; warnings: string[]; error?: boolean } | null>(null);
  const [tool, setTool] = useState<'argocd' | 'flux'>('argocd');
  const [envText, setEnvText] = useState(environments.map((e) => e.name).join(', '));
  const [repoUrl, setRepoUrl] = useState('');
  const [branch, setBranch] = useState('main');
  // A chart opened from a repository is deployed from there unless the user says otherwise.
  const [chartFrom, setChartFrom] = useState<ChartFrom>(origin ? (origin.repository.startsWith('oci://') ? 'oci' : 'helm-repo') : 'vendored');
  const [chartUrl, setChartUrl] = useState(origin?.repository ?? '');
  const [progress, setProgress] = useState<number | null>(null);
  /** A GitOps repository built but held back: its output changes at every sync (findings to confirm). */
  const [heldBack, setHeldBack] = useState<GitopsRepo | null>(null);

  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useDismiss(open, menuRef, buttonRef, () => setOpen(false));

  const envs = environmentsFrom(envText, environments);
  const badEnv = envs.find((e) => !DNS1123_LABEL.test(e.name));

  async function run(what: string, job: () => Promise<{ text: string; removed: string[]; warnings: string[] } | null>) {
    setBusy(true);
    setResult(null);
    setHeldBack(null);
    try {
      setResult(await job());
    } catch (e) {
      setResult({ text: `${what} failed: ${e instanceof Error ? e.message : String(e)}`, removed: [], warnings: [], error: true });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const bundle = () =>
    run('The values bundle', async () => {
      const [chart, { buildValuesBundle }] = await Promise.all([chartOnPage(source), import('@/lib/export')]);
      const b = await buildValuesBundle(chart, configurationToShare(configuration, info, envs, from), { upgradeReport: upgradeReport ?? undefined }, setProgress);
      download(b.zip, b.fileName, 'application/zip');
      return { text: `Downloaded ${b.fileName}.`, removed: b.removed, warnings: b.warnings };
    });

  const downloaded = (r: GitopsRepo) => ({ text: `Downloaded ${r.fileName}.`, removed: r.removed, warnings: r.warnings });

  const gitops = () =>
    run('The GitOps repository', async () => {
      const [chart, { buildGitopsRepo }] = await Promise.all([chartOnPage(source), import('@/lib/export')]);
      const chartSource = chartFrom === 'vendored' ? { type: 'vendored' as const } : { type: chartFrom, url: chartUrl.trim() };
      if (chartSource.type !== 'vendored' && !chartSource.url) throw new Error(`give the ${chartFrom === 'oci' ? 'OCI registry' : 'Helm repository'} URL`);
      const r = await buildGitopsRepo(
        chart,
        configurationToShare(configuration, info, envs, from),
        { tool, repoUrl: repoUrl.trim() || undefined, branch: branch.trim() || undefined, chartSource },
        setProgress,
      );
      // Output that changes at every sync is worth a second look before it goes into Git.
      if (r.gitops.length) {
        setHeldBack(r);
        return null;
      }
      download(r.zip, r.fileName, 'application/zip');
      return downloaded(r);
    });

  const downloadAnyway = (r: GitopsRepo) => {
    download(r.zip, r.fileName, 'application/zip');
    setHeldBack(null);
    setResult(downloaded(r));
  };

  const copyLink = () =>
    run('Copying the link', async () => {
      // A chart from the user's disk is not on any server: the link names it so it can be opened again.
      const digest = origin || source.kind === 'url' ? undefined : (await import('@/lib/configurator/chart-digest')).localChartDigest(source);
      // The encoder (and the configuration checker it carries) loads with the first link.
      const { encodeShareLink } = await import('@/lib/share/link');
      const link = encodeShareLink(configurationToShare(configuration, info, envs, origin ? from : { digest }), {
        schema: info.schema ?? undefined,
        baseUrl: `${location.origin}${location.pathname}`,
      });
      await navigator.clipboard.writeText(link.url);
      const warnings = digest
        ? [`${info.name} ${info.version} was opened from your disk, and the link does not contain it: whoever opens the link is asked for the same chart file (${digest.slice(0, 19)}…).`]
        : [];
      return { text: `Link copied (${link.url.length} characters).`, removed: link.removed, warnings };
    });

  return (
    <div className="export-menu" ref={menuRef}>
      <button type="button" ref={buttonRef} className="button" aria-expanded={open} aria-controls="export-dialog" onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && (
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
              <select value={chartFrom} onChange={(e) => setChartFrom(e.target.value as ChartFrom)}>
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
      )}
    </div>
  );
}
