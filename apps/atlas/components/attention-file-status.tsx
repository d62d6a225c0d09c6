// AttentionFileStatus: how the opening goes — bytes read of the file's size, then parsing and checking —
// or, for a file that is not attn-maps/v1, the error naming the problem.
import type { AttentionFileState } from './use-attention-file.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function AttentionFileStatus({ state }: { state: AttentionFileState }) {
  if (state.status === 'error') {
    return (
      <div role="alert" className="alert" data-testid="file-error">
        <strong>{state.fileName}</strong> could not be opened: {state.message}
      </div>
    );
  }
  if (state.status !== 'working') return null;
  const { progress } = state;
  return (
    <div className="card file-progress" role="status" data-testid="file-progress">
      {progress.stage === 'reading' ? (
        <>
          <p className="loading">
            Reading {state.fileName}: {megabytes(progress.bytesRead)} of {megabytes(progress.totalBytes)}
          </p>
          <progress max={Math.max(1, progress.totalBytes)} value={progress.bytesRead} aria-label="Bytes read" />
        </>
      ) : (
        <>
          <p className="loading">
            {progress.stage === 'parsing' ? `Parsing ${state.fileName} as JSON…` : `Checking ${state.fileName} as attn-maps/v1…`}
          </p>
          <progress aria-label={progress.stage === 'parsing' ? 'Parsing' : 'Checking'} />
        </>
      )}
    </div>
  );
}
