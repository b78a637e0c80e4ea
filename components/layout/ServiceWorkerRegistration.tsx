'use client';
import { useEffect } from 'react';
import { afterFirstPreview } from '@/lib/configurator/client/first-preview';

/**
 * Installs the offline service worker (`/sw.js`) once the page has loaded, the browser is idle
 * and the page's first preview is on screen, so its downloads (every script of the app, the
 * pages, the charts) never compete with the page's own. Under `next dev` it removes a worker
 * that a production build left on the same origin instead: cached scripts would shadow the
 * development server's.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    if (process.env.NODE_ENV !== 'production') {
      void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    const register = (): void => {
      // Refused (private windows, blocked storage): the app still works online.
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
    };
    const idle = (): void => {
      const ric = (window as Window & { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
      const afterPreview = (): void => void afterFirstPreview().then(register);
      if (ric) ric(afterPreview);
      else setTimeout(afterPreview, 200);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }, []);
  return null;
}
