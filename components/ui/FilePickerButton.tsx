'use client';
import type { ReactNode } from 'react';

interface FilePickerButtonProps {
  children: ReactNode;
  onFiles: (files: File[]) => void;
  accept?: string;
  /** Picks a folder (all its files) instead of one file. */
  directory?: boolean;
  className?: string;
  title?: string;
}

/** A button-styled label around a hidden file input: keyboard-operable, and it re-fires for the same file. */
export function FilePickerButton({ children, onFiles, accept, directory, className = 'button', title }: FilePickerButtonProps) {
  const folder = directory ? { webkitdirectory: '' } : {};
  return (
    <label className={className} title={title}>
      {children}
      <input
        className="visually-hidden"
        type="file"
        accept={accept}
        {...folder}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length) onFiles(files);
          // Cleared so that picking the same file again (after fixing it) fires a change.
          e.target.value = '';
        }}
      />
    </label>
  );
}
