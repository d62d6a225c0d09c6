// Root layout of the recommendation app: page metadata, the shared Attention Atlas stylesheet and the
// app's own few rules. Every page renders inside <main>.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@attn/viz/styles.css';
import './recommendation.css';

export const metadata: Metadata = {
  title: 'Attention Atlas — recommendation',
  description: 'Which movies of a history drove a recommendation: attention beside the exact drop-item effect, on MovieLens.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  );
}
