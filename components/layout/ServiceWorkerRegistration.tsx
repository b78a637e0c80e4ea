'use client';
import { useEffect } from 'react';

/**
 * Installs the offline service worker (`/sw.js`) once the page has loaded and the browser is
 * idle, so its downloads never compete with the page's own. Under `next dev` it removes a worker
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
      if (ric) ric(register);
      else setTimeout(register, 200);
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  }, []);
  return null;
}
