// AppCards: the landing page's grid of app cards, one per entry of src/apps.ts, the domain apps' cards with
// their domain's live attention (run once for the page by useDomainThumbnails).
'use client';
import { ATLAS_APPS } from '../src/apps.ts';
import { AppCard } from './app-card.tsx';
import { useDomainThumbnails } from './use-domain-thumbnails.ts';

export function AppCards() {
  const thumbnails = useDomainThumbnails();
  return (
    <div className="app-cards">
      {ATLAS_APPS.map((app) => (
        <AppCard key={app.id} app={app} {...(app.domain && thumbnails[app.domain] ? { thumbnail: thumbnails[app.domain] } : {})} />
      ))}
    </div>
  );
}
