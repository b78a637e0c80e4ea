'use client';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes a popover on Escape (focus goes back to its button) and on a press outside it, as
 * a menu does.
 */
export function useDismiss(open: boolean, container: RefObject<HTMLElement | null>, opener: RefObject<HTMLElement | null>, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      closeRef.current();
      opener.current?.focus();
    };
    const onPointer = (e: PointerEvent): void => {
      if (container.current && e.target instanceof Node && !container.current.contains(e.target)) closeRef.current();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, container, opener]);
}
