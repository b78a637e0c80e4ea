'use client';

/** Files the configurator opens: `chartroom.json`, or the zip chartroom exported around it. */
export const CONFIG_FILE_ACCEPT = '.json,.zip,application/json,application/zip';

/** "Open configuration…": picks a chartroom.json or an exported zip and hands it over. */
export function OpenConfigButton({ onFile }: { onFile: (file: File) => void }) {
  return (
    <label className="button ghost" title="Open a chartroom.json, or a values bundle or GitOps zip exported by chartroom">
      Open configuration…
      <input
        className="visually-hidden"
        type="file"
        accept={CONFIG_FILE_ACCEPT}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (after fixing it) fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
