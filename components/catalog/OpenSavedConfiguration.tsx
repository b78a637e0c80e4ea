'use client';
import { useRouter } from 'next/navigation';
import { useState, type DragEvent } from 'react';
import { storePendingConfig } from '@/lib/configurator';
import { CONFIG_FILE_ACCEPT } from '../layout/OpenConfigButton';
import { readConfigFile } from '../layout/read-config-file';

/** Carrying on with a saved configuration: opens the bundled chart it names, with it. */
export function OpenSavedConfiguration({ charts }: { charts: string[] }) {
  const router = useRouter();
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (file: File): Promise<void> => {
    setProblem(null);
    const read = await readConfigFile(file);
    if (!read.ok) return setProblem(read.message);
    const chart = read.config.chart.name;
    if (!charts.includes(chart)) {
      return setProblem(`${file.name} is for the chart "${chart}", which is not bundled here. Open that chart below, then use Open configuration… in its configurator.`);
    }
    if (!storePendingConfig(sessionStorage, { fileName: file.name, config: read.config })) return setProblem('This configuration is too large to keep in the browser tab.');
    router.push(`/configure/${encodeURIComponent(chart)}`);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <section className="open-local" aria-labelledby="open-saved-title">
      <h2 id="open-saved-title">A saved configuration</h2>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a <code>chartroom.json</code>, or a values bundle or GitOps zip exported by chartroom, to carry on with it in its chart.</p>
        <label className="button">
          Choose a configuration file
          <input
            className="visually-hidden"
            type="file"
            accept={CONFIG_FILE_ACCEPT}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void open(file);
            }}
          />
        </label>
      </div>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </section>
  );
}
