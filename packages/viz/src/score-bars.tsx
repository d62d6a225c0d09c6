// ScoreBars: class (or item) probabilities as labelled horizontal bars, highest first, the
// predicted one highlighted; each bar carries its value for screen readers.
export interface ScoreBarsProps {
  scores: Record<string, number>;
  predicted?: string;
}

/** Entries sorted by score, highest first. */
export function sortedScores(scores: Record<string, number>): [string, number][] {
  return Object.entries(scores).sort((a, b) => b[1] - a[1]);
}

export function ScoreBars({ scores, predicted }: ScoreBarsProps) {
  return (
    <ul aria-label="Class probabilities" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}>
      {sortedScores(scores).map(([label, score]) => {
        const percent = `${(score * 100).toFixed(1)} %`;
        const isPredicted = label === predicted;
        return (
          <li
            key={label}
            aria-label={`${label}: ${percent}`}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr 64px', gap: 10, alignItems: 'center' }}
          >
            <span style={{ fontWeight: isPredicted ? 700 : 400 }}>{label}</span>
            <span aria-hidden style={{ height: 12, borderRadius: 6, background: '#e4e7eb', overflow: 'hidden' }}>
              <span
                style={{
                  display: 'block',
                  height: '100%',
                  width: `${Math.max(0, Math.min(1, score)) * 100}%`,
                  background: isPredicted ? '#2166ac' : '#9aa5b1',
                }}
              />
            </span>
            <span style={{ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>{percent}</span>
          </li>
        );
      })}
    </ul>
  );
}
