'use client';
import { useRouter } from 'next/navigation';
import { useState, type DragEvent } from 'react';
import { storeLocalChart, type LocalChart } from '@/lib/configurator';
import { chartFromDrop, chartFromInput } from './read-dropped-files';

/** Opens a chart from the user's disk: a packaged .tgz or a chart folder, dropped or picked. */
export function OpenLocalChart() {
  const router = useRouter();
  const [over, setOver] = useState(false);
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

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    void open(chartFromDrop(e.dataTransfer));
  };

  return (
    <section className="open-local" aria-labelledby="open-local-title">
      <h2 id="open-local-title">Your own chart</h2>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a chart packaged with <code>helm package</code> or <code>helm pull</code> (.tgz), or a chart folder. It is read and rendered in this tab, never uploaded.</p>
        <div className="row">
          <label className="button">
            Choose a .tgz file
            <input
              className="visually-hidden"
              type="file"
              accept=".tgz,.tar.gz,application/gzip"
              onChange={(e) => e.target.files?.length && void open(chartFromInput(e.target.files))}
            />
          </label>
          <label className="button">
            Choose a chart folder
            <input
              className="visually-hidden"
              type="file"
              // @ts-expect-error webkitdirectory is not in React's input attributes
              webkitdirectory=""
              onChange={(e) => e.target.files?.length && void open(chartFromInput(e.target.files))}
            />
          </label>
        </div>
      </div>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
