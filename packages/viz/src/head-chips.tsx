// Toggle chips for attention heads: one colour-coded button per head (aria-pressed), plus
// "all" and "none"; plain buttons, so they work with Tab, Enter and Space.
import { headColor } from './color-scale.ts';

export interface HeadChipsProps {
  active: readonly boolean[];
  onChange: (active: boolean[]) => void;
  label?: string;
}

const chipStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  padding: '3px 10px',
  borderRadius: 999,
  border: '1px solid #cbd2d9',
  font: 'inherit',
  fontSize: 13,
  cursor: 'pointer',
} as const;

export function HeadChips({ active, onChange, label = 'Heads' }: HeadChipsProps) {
  const toggle = (head: number) => onChange(active.map((on, h) => (h === head ? !on : on)));
  return (
    <div role="group" aria-label={label} style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
      <span style={{ fontSize: 13, color: '#52606d' }}>{label}:</span>
      {active.map((on, head) => (
        <button
          key={head}
          type="button"
          aria-pressed={on}
          onClick={() => toggle(head)}
          style={{ ...chipStyle, background: on ? '#ffffff' : '#f0f2f5', opacity: on ? 1 : 0.55 }}
        >
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: headColor(head) }} />
          head {head}
        </button>
      ))}
      <button type="button" style={chipStyle} onClick={() => onChange(active.map(() => true))}>
        all
      </button>
      <button type="button" style={chipStyle} onClick={() => onChange(active.map(() => false))}>
        none
      </button>
    </div>
  );
}
