// Where the image comes from: the model's held-out examples (picture buttons), an upload (type and size
// checked before sending, with the limits said up front), or a drawing. Each hands an ImageInput to explain.
'use client';
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { IMAGE_LIMITS_TEXT, IMAGE_MEDIA_TYPES, type ImageInput } from '@attn/task-image/input';
import type { ImageModelEntry } from '../src/image-model-entry.ts';
import { DrawingCanvas } from './drawing-canvas.tsx';

const SOURCES = [
  { id: 'examples', label: 'Held-out examples' },
  { id: 'upload', label: 'Upload' },
  { id: 'draw', label: 'Draw' },
] as const;
type SourceId = (typeof SOURCES)[number]['id'];

export interface ImageSourcePickerProps {
  model: ImageModelEntry | undefined;
  busy: boolean;
  /** The example last sent, highlighted. */
  chosenImage: string | undefined;
  onSubmit: (input: ImageInput) => void;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function ImageSourcePicker({ model, busy, chosenImage, onSubmit }: ImageSourcePickerProps) {
  const [source, setSource] = useState<SourceId>('examples');
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  const maxBytes = model?.limits.maxImageBytes ?? 0;

  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(file.type)) {
      setUploadProblem(`${file.name} is ${file.type || 'of an unknown type'}; upload a PNG, JPEG or WebP image.`);
      return;
    }
    if (file.size > maxBytes) {
      setUploadProblem(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB, over the limit of ${(maxBytes / 1024 / 1024).toFixed(0)} MiB.`,
      );
      return;
    }
    setUploadProblem(null);
    try {
      onSubmit({ image: await readAsDataUrl(file), name: file.name });
    } catch (error) {
      setUploadProblem(`${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = SOURCES.findIndex((s) => s.id === source);
    const next = SOURCES[(index + (event.key === 'ArrowRight' ? 1 : SOURCES.length - 1)) % SOURCES.length]!;
    setSource(next.id);
    document.getElementById(`source-${next.id}`)?.focus();
  };

  return (
    <div>
      <div className="tabs" role="tablist" aria-label="Image source" onKeyDown={onTabKey}>
        {SOURCES.map((s) => (
          <button
            key={s.id}
            id={`source-${s.id}`}
            type="button"
            role="tab"
            aria-selected={source === s.id}
            tabIndex={source === s.id ? 0 : -1}
            onClick={() => setSource(s.id)}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`source-${source}`}>
        {source === 'examples' ? (
          model && model.examples.length > 0 ? (
            <div className="example-tiles" role="group" aria-label="Held-out examples">
              {model.examples.map((example, i) => (
                <button
                  key={example.image}
                  type="button"
                  className="example-tile"
                  aria-pressed={chosenImage === example.image}
                  disabled={busy}
                  onClick={() => onSubmit(example)}
                  title={example.name}
                >
                  {model.thumbnails[i] ? <img src={model.thumbnails[i]} alt="" width={56} height={56} /> : null}
                  <span>{example.name ?? `example ${i + 1}`}</span>
                </button>
              ))}
            </div>
          ) : (
            <p className="hint">This model has no examples; upload or draw an image.</p>
          )
        ) : null}
        {source === 'upload' ? (
          <div className="upload">
            <label className="field">
              <span>Image file</span>
              <input type="file" name="upload" accept={IMAGE_MEDIA_TYPES.join(',')} onChange={onUpload} disabled={busy} />
            </label>
            <p className="hint">
              {IMAGE_LIMITS_TEXT}. Any size and colour: the server resizes it, and for the digit model makes it grey, inverts a light
              background and centres the digit as MNIST does.
            </p>
            {uploadProblem ? (
              <p role="alert" className="alert" data-testid="upload-problem">
                {uploadProblem}
              </p>
            ) : null}
          </div>
        ) : null}
        {source === 'draw' ? <DrawingCanvas busy={busy} onClassify={(image) => onSubmit({ image, name: 'drawing' })} /> : null}
      </div>
    </div>
  );
}
