// One colour per domain for every comparison chart (text blue, image amber, recommender green; others grey),
// and one per head role, so a reader learns them once.
import type { HeadRole } from '@attn/core/analysis';

const DOMAIN_COLORS: Record<string, string> = { text: '#2563eb', image: '#c2410c', recsys: '#047857' };

export function domainColor(domain: string): string {
  return DOMAIN_COLORS[domain] ?? '#52606d';
}

export const ROLE_COLORS: Record<HeadRole, string> = {
  'first-token': '#7c3aed',
  previous: '#0891b2',
  self: '#0e7490',
  next: '#155e75',
  local: '#16a34a',
  broad: '#f59e0b',
  mixed: '#9ca3af',
};

export const HEAD_ROLES = Object.keys(ROLE_COLORS) as HeadRole[];
