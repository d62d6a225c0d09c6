// /open: any attn-maps/v1 file from disk (attn extract, attn explain --json, an app's export), read and
// checked in a Web Worker and drawn with the shared views.
import type { Metadata } from 'next';
import { AttentionFileViewer } from '../../components/attention-file-viewer.tsx';

export const metadata: Metadata = { title: 'Open an attention file — Attention Atlas' };

export default function Page() {
  return (
    <>
      <header className="page-header">
        <h1>Open an attention file</h1>
        <p>
          Look inside any attn-maps/v1 document: which model and domain it came from, its layers, heads and tokens, where the prediction
          looks, every head’s lines and the attention matrices.
        </p>
      </header>
      <AttentionFileViewer />
    </>
  );
}
