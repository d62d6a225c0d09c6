// RoleBars: one stacked bar per model, its heads split by role (first-token, previous/self/next, local,
// broad, mixed) with a legend — which kinds of head each model grew, domains side by side.
'use client';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { HeadRole } from '@attn/core/analysis';
import { HEAD_ROLES, ROLE_COLORS } from './domain-colors.ts';

export interface RoleBarRow {
  label: string;
  roles: Partial<Record<HeadRole, number>>;
}

const LABEL_WIDTH = 170;
const MARGIN = { top: 30, right: 16, bottom: 12 };
const ROW_HEIGHT = 26;

export function RoleBars({ rows, width = 640 }: { rows: readonly RoleBarRow[]; width?: number }) {
  const height = MARGIN.top + rows.length * ROW_HEIGHT + MARGIN.bottom;
  const x = scaleLinear()
    .domain([0, 1])
    .range([LABEL_WIDTH, width - MARGIN.right]);
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([MARGIN.top, height - MARGIN.bottom])
    .padding(0.2);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Head roles per model">
      <rect width={width} height={height} fill="#ffffff" />
      {HEAD_ROLES.map((role, i) => (
        <g key={role} transform={`translate(${LABEL_WIDTH + i * 62}, 6)`}>
          <rect width={10} height={10} fill={ROLE_COLORS[role]} />
          <text x={13} y={9} fontSize={10} fill="#323f4b">
            {role}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const total = HEAD_ROLES.reduce((sum, role) => sum + (row.roles[role] ?? 0), 0);
        let start = 0;
        return (
          <g key={row.label}>
            <text x={LABEL_WIDTH - 8} y={y(i)! + y.bandwidth() / 2 + 4} fontSize={12} textAnchor="end" fill="#1f2933">
              {row.label}
            </text>
            {total === 0 ? (
              <text x={LABEL_WIDTH + 4} y={y(i)! + y.bandwidth() / 2 + 4} fontSize={11} fill="#7b8794">
                no self-attention heads (pooling only)
              </text>
            ) : (
              HEAD_ROLES.filter((role) => row.roles[role]).map((role) => {
                const count = row.roles[role]!;
                const x0 = x(start / total);
                start += count;
                return (
                  <rect key={role} x={x0} y={y(i)} width={x(start / total) - x0} height={y.bandwidth()} fill={ROLE_COLORS[role]}>
                    <title>{`${row.label}: ${count} ${role} head${count === 1 ? '' : 's'} of ${total}`}</title>
                  </rect>
                );
              })
            )}
          </g>
        );
      })}
    </svg>
  );
}
