/**
 * The response headers every route sends. The app holds secrets in a tab and shows text from
 * charts strangers wrote, so the page may run only its own code: scripts and workers from this
 * origin, Next.js's inline bootstrap scripts by a per-response nonce, no plugins, no framing.
 * Share links carry their configuration in the URL fragment, which browsers never send; the
 * referrer policy keeps the rest of the URL from leaving too.
 */

/**
 * Origins the page and its workers may fetch from. Everything is same-origin today; a route that
 * fetches charts from other repositories goes here, and nowhere else.
 */
export const CONNECT_SOURCES: readonly string[] = ["'self'"];

/** Content-Security-Policy; `nonce` (pages only) lets Next.js's inline scripts run. */
export function contentSecurityPolicy(nonce?: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : [])],
    // Render, editor and YAML workers, and the offline service worker: all our own scripts.
    'worker-src': ["'self'"],
    'connect-src': [...CONNECT_SOURCES],
    // Monaco inserts <style> elements at run time and has no way to carry a nonce.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The headers besides the policy, the same on every response. */
export const FIXED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The server only serves files and pages; nothing is ever posted to it. */
export const ALLOWED_METHODS: readonly string[] = ['GET', 'HEAD'];

/** What a refused method is answered with besides 405 and an empty body. */
export function refusedMethodHeaders(): Record<string, string> {
  return { Allow: ALLOWED_METHODS.join(', '), 'Content-Security-Policy': contentSecurityPolicy(), ...FIXED_SECURITY_HEADERS };
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
