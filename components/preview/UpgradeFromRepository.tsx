'use client';
import { useState } from 'react';
import type { LocalChart, ReleaseOptions } from '@/lib/configurator';
import type { RepositoryVersions } from '@/lib/upgrade';

/** The repository modules and the route they fetch through, loaded when first used. */
async function repositoryTools(helmVersion: ReleaseOptions['helmVersion']) {
  const [target, remote, route] = await Promise.all([import('@/lib/upgrade/repository-target'), import('@/lib/remote-chart/open-remote'), import('@/lib/remote-chart/route-fetch')]);
  return { ...target, env: remote.remoteEnv(route.routeFetch(), helmVersion) };
}

/** Another version of the chart from a Helm repository, an OCI registry or an Artifact Hub page; versions are chosen as the configuration's helm chooses them. */
export function UpgradeFromRepository({ chartName, helmVersion, onChart }: { chartName: string; helmVersion: ReleaseOptions['helmVersion']; onChart: (chart: LocalChart, notices: string[]) => void }) {
  const [location, setLocation] = useState('');
  const [offer, setOffer] = useState<RepositoryVersions | null>(null);
  const [version, setVersion] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const attempt = async (job: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await job();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const list = () =>
    attempt(async () => {
      const tools = await repositoryTools(helmVersion);
      const found = await tools.repositoryVersions(location, chartName, tools.env);
      setOffer(found);
      setVersion(found.named ?? found.versions[0] ?? '');
    });

  const open = () =>
    attempt(async () => {
      if (!offer) return;
      const tools = await repositoryTools(helmVersion);
      const got = await tools.openRepositoryVersion({ repository: offer.repository, name: offer.name, version }, tools.env);
      onChart(got.chart, got.missing.map((m) => `Left out (could not be fetched): ${m}`));
    });

  return (
    <fieldset className="upgrade-repository">
      <legend className="small">Or from a repository</legend>
      <div className="row">
        <label className="small">
          Repository URL, oci:// reference or Artifact Hub page{' '}
          <input value={location} placeholder="https://charts.example.com" onChange={(e) => setLocation(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void list()} />
        </label>
        <button type="button" className="button" disabled={busy || !location.trim()} onClick={() => void list()}>
          List versions
        </button>
      </div>
      {offer && (
        <div className="row">
          <label className="small">
            Version of {offer.name}{' '}
            <select value={version} onChange={(e) => setVersion(e.target.value)}>
              {offer.versions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy || !version} onClick={() => void open()}>
            Compare with this version
          </button>
        </div>
      )}
      {busy && (
        <p className="muted small" role="status">
          Fetching…
        </p>
      )}
      {problem && (
        <p role="alert" className="error-text small">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
