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
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  headers.set('x-nonce', nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy);
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(FIXED_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
