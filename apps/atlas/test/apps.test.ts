// The one list of apps: every app once, the ports `pnpm dev` serves them on, links to the other apps on
// localhost and to the atlas' own pages by path, and a shipped model for each domain card to run.
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODELS } from '@attn/registry';
import { ATLAS_APPS, ATLAS_PORT, appHref, isAtlasPage } from '../src/apps.ts';

describe('ATLAS_APPS', () => {
  it('lists the three domain apps on their ports and the atlas’ three pages, each with a one-line description', () => {
    expect(ATLAS_APPS.map((app) => [app.id, appHref(app)])).toEqual([
      ['text-classification', 'http://localhost:3001'],
      ['image-attention', 'http://localhost:3002'],
      ['recommendation', 'http://localhost:3003'],
      ['compare', '/compare'],
      ['open', '/open'],
      ['playground', '/playground'],
    ]);
    for (const app of ATLAS_APPS) expect(app.description).toMatch(/^[^\n]{20,140}$/);
    expect(ATLAS_APPS.filter(isAtlasPage).every((app) => app.port === ATLAS_PORT && !app.domain)).toBe(true);
  });

  it('gives each domain card a domain with a shipped model', () => {
    const domains = ATLAS_APPS.flatMap((app) => (app.domain ? [app.domain] : []));
    expect(domains).toEqual(['text', 'image', 'recsys']);
    for (const domain of domains) expect(SHIPPED_MODELS.some((model) => model.domain === domain)).toBe(true);
  });

  it('matches the ports in each app’s own dev script', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const app of ATLAS_APPS.filter((a) => !isAtlasPage(a))) {
      const manifest = JSON.parse(await readFile(new URL(`../../${app.id}/package.json`, import.meta.url), 'utf8')) as {
        scripts: { dev: string };
      };
      expect(manifest.scripts.dev).toBe(`next dev --port ${app.port}`);
    }
  });
});
