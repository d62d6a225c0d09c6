// The shared security headers and the config that sends them: the CSP allows the pages' own scripts, styles,
// fetches, workers and data:/blob: images and nothing else; eval and the hot-reload socket only under `next dev`.
import { describe, expect, it } from 'vitest';
import { attnNextConfig, contentSecurityPolicy, securityHeaders } from '../index.js';

/** The CSP as directive → sources. */
const directivesOf = (policy) => Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('security headers', () => {
  it('sends a CSP, nosniff and no referrer', () => {
    expect(securityHeaders().map((header) => header.key)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);
    expect(securityHeaders()[1].value).toBe('nosniff');
    expect(securityHeaders()[2].value).toBe('no-referrer');
  });

  it('allows only the same origin, inline styles and scripts, data:/blob: images and blob: workers in production', () => {
    const csp = directivesOf(contentSecurityPolicy());
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'unsafe-inline'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
    expect(Object.values(csp).flat()).not.toContain('*');
  });

  it('adds eval and the hot-reload websocket under next dev only', () => {
    const dev = directivesOf(contentSecurityPolicy({ dev: true }));
    expect(dev['script-src']).toContain("'unsafe-eval'");
    expect(dev['connect-src']).toContain('ws:');
  });

  it('is what every route of an app built from the shared config answers with', async () => {
    const rules = await attnNextConfig().headers();
    expect(rules).toEqual([{ source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) }]);
  });
});
