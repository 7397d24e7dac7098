import type { RequestHandler } from 'express';

/**
 * The content security policy the built client runs under: its scripts and styles come from
 * its own origin only (Vite emits no inline script), it talks to its own origin over HTTP and
 * WebSocket, and no other site may frame it. Styles set from script (React's `style` prop,
 * ProseMirror's caret positions) go through the CSSOM, which `style-src` does not govern.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  // 'self' covers ws: and wss: on the same host in current browsers; older ones need them named.
  const sockets = host && /^[\w.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    // The service worker and the web manifest of the installable app, from this origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every answer carries. */
export const securityHeaders: RequestHandler = (request, response, next) => {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy(request.headers.host));
  // Tokens travel in links: never leak them in a Referer header.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // For browsers older than frame-ancestors.
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
};
