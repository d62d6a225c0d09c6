// Which domain runs a model folder: the one whose `recognizes` accepts its files (tokenizer.json for text,
// a ViT preprocessor for images, a catalogue for recommenders).
import { AttentionError, readModelFolder } from '@attn/core';
import { DOMAINS, type AnyDomain } from './domains.ts';

/** The domain that recognises the folder's files, or an E_MODEL error naming the known domains. */
export function domainOfFolder(dir: string): AnyDomain {
  const folder = readModelFolder(dir);
  const match = Object.values(DOMAINS).find((domain) => domain.recognizes?.(folder));
  if (!match) {
    throw new AttentionError(
      'E_MODEL',
      `${dir} is not a model folder of a known domain (${Object.keys(DOMAINS).join(', ')}): no domain recognises its files`,
    );
  }
  return match;
}
