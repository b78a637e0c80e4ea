'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { storeLocalChart, type LocalChart } from '@/lib/configurator';
import { DropZone } from '../ui/DropZone';
import { FilePickerButton } from '../ui/FilePickerButton';
import { chartFromDrop, chartFromInput } from './read-dropped-files';

/** Opens a chart from the user's disk: a packaged .tgz or a chart folder, dropped or picked. */
export function OpenLocalChart() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (read: Promise<LocalChart>): Promise<void> => {
    setProblem(null);
    try {
      const chart = await read;
      if (!storeLocalChart(sessionStorage, chart)) {
        setProblem('This chart is too large to keep in the browser tab.');
        return;
      }
      router.push('/configure/local');
    } catch (e) {
      setProblem(`Could not read the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="open-local" aria-labelledby="open-local-title">
      <h2 id="open-local-title">Your own chart</h2>
      <DropZone onDrop={(data) => void open(chartFromDrop(data))}>
        <p>Drop a chart packaged with <code>helm package</code> or <code>helm pull</code> (.tgz), or a chart folder. It is read and rendered in this tab, never uploaded.</p>
        <div className="row">
          <FilePickerButton accept=".tgz,.tar.gz,application/gzip" onFiles={(files) => void open(chartFromInput(files))}>
            Choose a .tgz file
          </FilePickerButton>
          <FilePickerButton directory onFiles={(files) => void open(chartFromInput(files))}>
            Choose a chart folder
          </FilePickerButton>
        </div>
      </DropZone>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
