'use client';
import { useState, type ReactNode } from 'react';
import { storeLocalChart, type LocalChart } from '@/lib/configurator';
import { DropZone } from '../ui/DropZone';
import { FilePickerButton } from '../ui/FilePickerButton';
import { chartFromDrop, chartFromInput } from './read-dropped-files';

/**
 * Opens a chart from the user's disk, a packaged .tgz or a chart folder, dropped or picked, and
 * keeps it in the tab for the configurator.
 */
export function LocalChartPicker({ children, onOpened }: { children: ReactNode; onOpened: (chart: LocalChart) => void }) {
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (read: Promise<LocalChart>): Promise<void> => {
    setProblem(null);
    try {
      const chart = await read;
      if (!storeLocalChart(sessionStorage, chart)) {
        setProblem('This chart is too large to keep in the browser tab.');
        return;
      }
      onOpened(chart);
    } catch (e) {
      setProblem(`Could not read the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <>
      <DropZone onDrop={(data) => void open(chartFromDrop(data))}>
        {children}
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
    </>
  );
}
