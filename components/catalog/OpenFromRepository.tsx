'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { locateChart, type Offer } from '@/lib/remote-chart';
import { remoteChartHref } from './remote-chart-href';

/** The newest version that is not a prerelease (what helm picks without --version), else the newest. */
function defaultVersion(versions: string[]): string {
  return versions.find((v) => !v.includes('-')) ?? versions[0] ?? '';
}

/**
 * The catalog's entry for charts in repositories: paste a Helm repository URL, an oci://
 * reference or an Artifact Hub package URL, pick a chart and version, open it.
 */
export function OpenFromRepository() {
  const router = useRouter();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [chart, setChart] = useState('');
  const [version, setVersion] = useState('');

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setOffer(null);
    const located = locateChart(text);
    if (!located.ok) return setProblem(located.message);
    setBusy(true);
    try {
      // The repository library loads only when someone asks for a repository.
      const [{ listOffer }, { pageEnv }] = await Promise.all([import('@/lib/remote-chart/open-remote'), import('@/lib/remote-chart/page-env')]);
      const found = await listOffer(located.location, pageEnv());
      const first = found.preferred ?? { name: found.charts[0].name, version: defaultVersion(found.charts[0].versions) };
      setOffer(found);
      setChart(first.name);
      setVersion(first.version);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const versions = offer?.charts.find((c) => c.name === chart)?.versions ?? [];
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (offer) router.push(remoteChartHref({ repository: offer.repository, name: chart, version }));
  };

  return (
    <section className="open-local" aria-labelledby="open-remote-title">
      <h2 id="open-remote-title">From a repository</h2>
      <form className="row" onSubmit={(e) => void find(e)}>
        <label className="location-field">
          Helm repository URL, oci:// reference or Artifact Hub package URL{' '}
          <input type="text" value={text} placeholder="https://charts.example.com" spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Looking…' : 'Find charts'}
        </button>
      </form>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {offer && (
        <form className="row" onSubmit={open} aria-label="Chart to open">
          <label>
            Chart{' '}
            <select
              value={chart}
              onChange={(e) => {
                setChart(e.target.value);
                setVersion(defaultVersion(offer.charts.find((c) => c.name === e.target.value)?.versions ?? []));
              }}
            >
              {offer.charts.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </select>
          </label>
          <label>
            Version{' '}
            <select value={version} onChange={(e) => setVersion(e.target.value)}>
              {versions.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!version}>
            Open
          </button>
        </form>
      )}
    </section>
  );
}
