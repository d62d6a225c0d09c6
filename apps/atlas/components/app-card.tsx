// AppCard: one app of the atlas on the landing page — its name as the link, where it runs (another app's
// port must be running: `pnpm dev` starts them all), what it shows, and its domain's live attention.
import { appHref, isAtlasPage, type AtlasApp } from '../src/apps.ts';
import { DomainThumbnail } from './domain-thumbnail.tsx';
import type { ThumbnailState } from './use-domain-thumbnails.ts';

export interface AppCardProps {
  app: AtlasApp;
  /** The live attention of the app's domain, for the domain apps. */
  thumbnail?: ThumbnailState;
}

export function AppCard({ app, thumbnail }: AppCardProps) {
  const href = appHref(app);
  return (
    <article className="card app-card" data-app={app.id} aria-labelledby={`app-${app.id}`}>
      <h2 id={`app-${app.id}`}>
        <a href={href}>{app.name}</a>
      </h2>
      <p className="app-where hint">
        {isAtlasPage(app) ? (
          <>in this atlas, at {app.path}</>
        ) : (
          <>
            {href.replace('http://', '')} — a separate app that must be running (<code>pnpm dev</code> starts them all)
          </>
        )}
      </p>
      <p className="app-description">{app.description}</p>
      {app.domain && thumbnail ? <DomainThumbnail domain={app.domain} state={thumbnail} /> : null}
    </article>
  );
}
