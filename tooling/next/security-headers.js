// The security headers every app sends on every response: a Content-Security-Policy that allows what the pages
// use (same-origin scripts, styles, fetches and workers; data:/blob: images) and nothing else, nosniff, no referrer.

/**
 * The Content-Security-Policy of an app. Next's pages need inline scripts (its bootstrap data) and inline styles;
 * `next dev` also needs eval (React's dev tools) and a websocket for hot reload. Thumbnails and drawings are data:
 * URLs, downloads blob: URLs; the atlas reads files in a module worker.
 */
export function contentSecurityPolicy({ dev = false } = {}) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The headers of every response, as Next's `headers()` config takes them. */
export function securityHeaders({ dev = false } = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
  ];
}
