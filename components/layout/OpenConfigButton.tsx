'use client';
import { FilePickerButton } from '../ui/FilePickerButton';

/** Files the configurator opens: `chartroom.json`, or the zip chartroom exported around it. */
export const CONFIG_FILE_ACCEPT = '.json,.zip,application/json,application/zip';

/** "Open configuration…": picks a chartroom.json or an exported zip and hands it over. */
export function OpenConfigButton({ onFile }: { onFile: (file: File) => void }) {
  return (
    <FilePickerButton
      className="button ghost"
      title="Open a chartroom.json, or a values bundle or GitOps zip exported by chartroom"
      accept={CONFIG_FILE_ACCEPT}
      onFiles={(files) => onFile(files[0])}
    >
      Open configuration…
    </FilePickerButton>
  );
}
