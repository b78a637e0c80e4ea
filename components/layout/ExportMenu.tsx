'use client';
import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { useDismiss } from '../ui/use-dismiss';
import type { ExportDialogProps } from './ExportDialog';

// The dialog and the export wiring behind it load on the first open: the first view shows the button only.
const ExportDialog = dynamic(() => import('./ExportDialog').then((m) => m.ExportDialog), {
  ssr: false,
  loading: () => (
    <div id="export-dialog" role="dialog" aria-label="Export" aria-busy="true" className="export-dialog">
      <p className="muted">Loading…</p>
    </div>
  ),
});

/** The configurator's Export menu: values bundle, GitOps repository, share link. */
export function ExportMenu(props: Omit<ExportDialogProps, 'open'>) {
  const [open, setOpen] = useState(false);
  // Once opened, the dialog stays mounted (it shows nothing while closed) so its fields keep what was typed.
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useDismiss(open, menuRef, buttonRef, () => setOpen(false));
  return (
    <div className="export-menu" ref={menuRef}>
      <button type="button" ref={buttonRef} className="button" aria-expanded={open} aria-controls="export-dialog" onClick={() => setOpen(!open)}>
        Export
      </button>
      {opened && <ExportDialog open={open} {...props} />}
    </div>
  );
}
