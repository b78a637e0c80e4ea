'use client';
import { useState, type DragEvent } from 'react';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer.types.includes('Files');

/**
 * Dropping a chartroom.json or an exported zip anywhere on the configurator opens it. Capture
 * handlers, so the values editor doesn't insert the file as text; drags of text are left alone.
 */
export function useConfigDrop(onFile: (file: File) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOverCapture: (e: DragEvent<HTMLElement>) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDropCapture: (e: DragEvent<HTMLElement>) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (file) onFile(file);
    },
  };
  return { over, handlers };
}
