// Policy headers on every answer: CORS for cross-origin callers, and security headers. API answers
// (JSON, often personal data) get the short set a JSON API needs: never cached, never sniffed,
// never framed, no referrer. The H5 pages get helmet's full set with a content security policy for
// the app. One fixed object per kind, set in one call per request. Strict-Transport-Security goes
// only on answers that travelled over TLS (directly or, with TRUST_PROXY, behind a TLS proxy):
// RFC 6797 §7.2 forbids it over plain HTTP, where browsers ignore it.
import type { Context, Middleware, Next } from 'koa';
import helmet from 'koa-helmet';

const HSTS = 'max-age=31536000; includeSubDomains';

export const API_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

function isApiPath(path: string): boolean {
  return path.startsWith('/api/');
}

/**
 * The response's policy headers: CORS (through `crossOrigin`) and the security headers above.
 * CORS concerns only requests that carry an Origin (Fetch standard): the mini-program and
 * same-origin H5 reads send none, and API answers are never cached (no-store), so without an
 * Origin they need no Vary: Origin either. Pages keep CORS' full treatment for caches.
 */
export function responseHeaders(crossOrigin: Middleware): Middleware {
  const pages = helmet({
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return function withResponseHeaders(ctx: Context, next: Next) {
    if (ctx.secure) ctx.set('Strict-Transport-Security', HSTS);
    if (!isApiPath(ctx.path)) return crossOrigin(ctx, () => pages(ctx, next));
    ctx.set(API_HEADERS);
    return ctx.get('origin') ? crossOrigin(ctx, next) : next();
  };
}
