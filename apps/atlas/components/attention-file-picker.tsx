// AttentionFilePicker: where a file comes in — drop it on the card, or choose it with the file picker (a
// native file input, so Tab reaches it and Enter or Space opens it). The chosen file goes to `onFile`.
'use client';
import { useState, type DragEvent } from 'react';

export interface AttentionFilePickerProps {
  onFile: (file: File) => void;
}

export function AttentionFilePicker({ onFile }: AttentionFilePickerProps) {
  const [dragging, setDragging] = useState(false);
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <section
      className="card drop-zone"
      data-dragging={dragging}
      aria-labelledby="open-heading"
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id="open-heading">Open an attention file</h2>
      <p>Drop a JSON file on this card, or choose one.</p>
      <label className="field file-picker">
        <span>attn-maps/v1 JSON file</span>
        <input
          type="file"
          name="attention-file"
          accept=".json,.gz,application/json,application/gzip"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
      </label>
      <p className="hint">
        Any attn-maps/v1 document: <code>pnpm attn extract … --out maps.json</code> (or <code>maps.json.gz</code>),{' '}
        <code>pnpm attn explain … --json</code> (its <code>attention</code> field is read), or an app’s “attn-maps/v1 JSON” export. The file
        is read in your browser, in a background worker; nothing is uploaded.
      </p>
    </section>
  );
}
