'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { readConfigFile, storePendingConfig } from '@/lib/configurator';
import { CONFIG_FILE_ACCEPT } from '../layout/OpenConfigButton';
import { DropZone } from '../ui/DropZone';
import { FilePickerButton } from '../ui/FilePickerButton';
import { remoteChartHref } from './remote-chart-href';

/** Carrying on with a saved configuration: opens the chart it names (bundled, or from its repository), with it. */
export function OpenSavedConfiguration({ charts }: { charts: string[] }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (file: File): Promise<void> => {
    setProblem(null);
    const read = await readConfigFile(file);
    if (!read.ok) return setProblem(read.message);
    const chart = read.config.chart.name;
    const { repository, version } = read.config.chart;
    if (!repository && !charts.includes(chart)) {
      return setProblem(`${file.name} is for the chart "${chart}", which is not bundled here. Open that chart below, then use Open configuration… in its configurator.`);
    }
    if (!storePendingConfig(sessionStorage, { fileName: file.name, config: read.config })) return setProblem('This configuration is too large to keep in the browser tab.');
    // A chart from a repository opens from there; a bundled one from here.
    router.push(repository ? remoteChartHref({ repository, name: chart, version }) : `/configure/${encodeURIComponent(chart)}`);
  };

  return (
    <section className="open-local" aria-labelledby="open-saved-title">
      <h2 id="open-saved-title">A saved configuration</h2>
      <DropZone onDrop={(data) => data.files[0] && void open(data.files[0])}>
        <p>Drop a <code>chartroom.json</code>, or a values bundle or GitOps zip exported by chartroom, to carry on with it in its chart.</p>
        <FilePickerButton accept={CONFIG_FILE_ACCEPT} onFiles={(files) => void open(files[0])}>
          Choose a configuration file
        </FilePickerButton>
      </DropZone>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
