// Root layout of the atlas: page metadata, the shared Attention Atlas stylesheet, the atlas' own rules and
// its navigation. Every page renders inside <main>.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@attn/viz/styles.css';
import './atlas.css';
import { SiteNav } from '../components/site-nav.tsx';

export const metadata: Metadata = {
  title: 'Attention Atlas',
  description:
    'Where models look, on text, images and recommendations: every app, any attn-maps/v1 file, and the source article’s formula.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <SiteNav />
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
