/**
 * Runs before every route, static files included: refuses methods the app has no use for and
 * sets the security headers (lib/server/security-headers.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { ALLOWED_METHODS, FIXED_SECURITY_HEADERS, contentSecurityPolicy, newNonce, refusedMethodHeaders } from './lib/server/security-headers';

export function proxy(request: NextRequest): NextResponse {
  if (!ALLOWED_METHODS.includes(request.method)) return new NextResponse(null, { status: 405, headers: refusedMethodHeaders() });
  // Next.js reads the nonce from the request's policy while rendering a page and puts it on
  // its own scripts; the layout reads it for ours.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  // Next.js answers a malformed %-escape in a dynamic segment with a bare 500; it is the address that is wrong.
  if (!decodable(request.nextUrl.pathname)) {
    return withSecurityHeaders(new NextResponse('Bad request: the address holds a malformed %-escape.\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }), policy);
  }
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  headers.set('x-nonce', nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy);
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
