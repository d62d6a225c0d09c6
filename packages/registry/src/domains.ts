// The domains the project runs, by name: each shipped model names one, and a folder of unknown
// domain is matched against them in this order (`attn explain <folder>`).
import { AttentionError, type Domain } from '@attn/core';
import { imageDomain } from '@attn/task-image';
import { recsysDomain } from '@attn/task-recsys';
import { textDomain } from '@attn/task-text';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each domain has its own input type
export type AnyDomain = Domain<any>;

export const DOMAINS: Readonly<Record<string, AnyDomain>> = {
  text: textDomain,
  image: imageDomain,
  recsys: recsysDomain,
};

/** The domain called `name`; E_INPUT listing the known ones otherwise. */
export function domainNamed(name: string): AnyDomain {
  const domain = DOMAINS[name];
  if (!domain) throw new AttentionError('E_INPUT', `unknown domain "${name}"; known: ${Object.keys(DOMAINS).join(', ')}`);
  return domain;
}
