// SiteNav: the atlas' navigation on every page — the landing page and the atlas' own pages from src/apps.ts
// (compare, open a file, playground), the current one marked for assistive technology.
'use client';
import { usePathname } from 'next/navigation.js';
import { ATLAS_APPS, isAtlasPage } from '../src/apps.ts';

const LINKS = [{ path: '/', name: 'Atlas' }, ...ATLAS_APPS.filter(isAtlasPage).map((app) => ({ path: app.path, name: app.name }))];

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Atlas">
      <ul>
        {LINKS.map((link) => (
          <li key={link.path}>
            <a href={link.path} {...(pathname === link.path ? { 'aria-current': 'page' as const } : {})}>
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
