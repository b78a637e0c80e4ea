'use client';
import { useEffect, useState } from 'react';
import type { ChartInfo, ChartSource, LocalChart, ReleaseOptions } from '@/lib/configurator';
import { useUpgrade } from '@/lib/upgrade/client/use-upgrade';
import type { UpgradeReport } from '@/lib/upgrade';
import { chartFromInput } from '../catalog/read-dropped-files';
import { FilePickerButton } from '../ui/FilePickerButton';
import { UpgradeFromRepository } from './UpgradeFromRepository';
import { UpgradeReportView } from './UpgradeReportView';

interface UpgradeTabProps {
  info: ChartInfo;
  source: ChartSource;
  release: ReleaseOptions;
  /** The values text being edited now. */
  valuesText: () => string;
  /** Receives each finished report (the values bundle carries the latest), or null. */
  onReport: (report: UpgradeReport | null) => void;
  /** `name version` of the chart an opened configuration was made with, when it is another version. */
  madeWith: string | null;
}

/**
 * What changes for this configuration with another version of the chart: the other version is
 * opened from disk, as the upgrade's target, or as the version the configuration was made with.
 */
export function UpgradeTab({ info, source, release, valuesText, onReport, madeWith }: UpgradeTabProps) {
  const [other, setOther] = useState<LocalChart | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  // Values remembered to compare later edits with, on this same chart.
  const [baseline, setBaseline] = useState<string | null>(null);
  const [otherIs, setOtherIs] = useState<'target' | 'origin'>(madeWith ? 'origin' : 'target');
  const { state, run } = useUpgrade();
  // A configuration made with another version: the version picked next is most likely that one.
  useEffect(() => {
    if (madeWith) setOtherIs('origin');
  }, [madeWith]);

  const compare = (chart: LocalChart | null = other, direction = otherIs) => {
    if (!chart) return;
    const current = { source, valuesText: valuesText() };
    const picked = { source: chart.source, valuesText: current.valuesText };
    run(direction === 'target' ? { from: current, to: picked, release } : { from: picked, to: current, release });
  };

  const use = (chart: LocalChart, chartNotices: string[] = []) => {
    setOther(chart);
    setNotices(chartNotices);
    compare(chart, otherIs);
  };

  const pick = async (files: File[]) => {
    setProblem(null);
    try {
      use(await chartFromInput(files));
    } catch (e) {
      setProblem(`Could not read the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  useEffect(() => onReport(state.phase === 'done' ? state.report : null), [state, onReport]);

  return (
    <div className="upgrade-tab">
      <p className="small">
        See what changes for this configuration of {info.name} {info.version} with another version of the chart: your values, the resources and what
        needs care. Open the other version as a packaged chart or a folder, or from a repository.
      </p>
      {madeWith && (
        <p className="banner info small" role="note">
          The opened configuration was made with {madeWith}. Open that version to see what moving it to {info.version} changes.
        </p>
      )}
      <div className="row">
        <FilePickerButton accept=".tgz,.tar.gz,application/gzip" onFiles={(f) => void pick(f)}>
          Choose a .tgz of the other version
        </FilePickerButton>
        <FilePickerButton directory onFiles={(f) => void pick(f)}>
          Choose its folder
        </FilePickerButton>
      </div>
      <UpgradeFromRepository chartName={info.name} helmVersion={release.helmVersion} onChart={use} />
      <fieldset className="upgrade-repository">
        <legend className="small">Or your own edits, on this version</legend>
        <div className="row">
          <button type="button" className="button" onClick={() => setBaseline(valuesText())}>
            Remember the values as they are
          </button>
          {baseline !== null && (
            <button type="button" className="button" disabled={state.phase === 'running'} onClick={() => run({ from: { source, valuesText: baseline }, to: { source, valuesText: valuesText() }, release })}>
              Compare my edits since then
            </button>
          )}
        </div>
      </fieldset>
      {other && (
        <fieldset className="row">
          <legend className="small">{other.label} is</legend>
          <label className="check">
            <input
              type="radio"
              name="upgrade-direction"
              checked={otherIs === 'target'}
              onChange={() => {
                setOtherIs('target');
                compare(other, 'target');
              }}
            />
            the version to upgrade to
          </label>
          <label className="check">
            <input
              type="radio"
              name="upgrade-direction"
              checked={otherIs === 'origin'}
              onChange={() => {
                setOtherIs('origin');
                compare(other, 'origin');
              }}
            />
            the version this configuration was made with
          </label>
          <button type="button" className="button" onClick={() => compare()} disabled={state.phase === 'running'}>
            Compare again
          </button>
        </fieldset>
      )}
      {notices.map((n) => (
        <p key={n} className="small banner warning">
          {n}
        </p>
      ))}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {state.phase === 'running' && (
        <p className="muted" role="status">
          Comparing…
        </p>
      )}
      {state.phase === 'failed' && (
        <div className="banner error" role="alert">
          <pre className="helm-message">{state.message}</pre>
        </div>
      )}
      {state.phase === 'done' && <UpgradeReportView report={state.report} />}
    </div>
  );
}
