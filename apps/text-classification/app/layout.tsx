// Root layout of the text-classification app: page metadata and the shared Attention Atlas stylesheet.
// Every page renders inside <main>.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@attn/viz/styles.css';

export const metadata: Metadata = {
  title: 'Attention Atlas — text classification',
  description: 'Where a text classifier looks: token heat, head view and attention maps for sentiment and spam models.',
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
