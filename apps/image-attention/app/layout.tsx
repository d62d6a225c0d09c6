// Root layout of the image-attention app: page metadata, the shared Attention Atlas stylesheet and this
// app's few extra rules (example tiles, the drawing canvas). Every page renders inside <main>.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@attn/viz/styles.css';
import './image-attention.css';

export const metadata: Metadata = {
  title: 'Attention Atlas — image attention',
  description:
    'Where a vision transformer looks: patch attention per layer and head, rollout, attention flow and deletion curves on digits.',
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
