'use client';
import { useState, type ReactNode } from 'react';

/** An area that highlights while files are dragged over it and hands over what is dropped. */
export function DropZone({ children, onDrop }: { children: ReactNode; onDrop: (data: DataTransfer) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer);
      }}
    >
      {children}
    </div>
  );
}
