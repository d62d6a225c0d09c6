// The BERT text rules a Hugging Face `BertNormalizer` + `BertPreTokenizer` apply, reproduced so
// that training, our own encoder and @huggingface/transformers' AutoTokenizer see the same words.

const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORD_OR_PUNCTUATION = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const CONTROL = /^(?:\p{Cc}|\p{Cf}|\p{Co}|\p{Cs})$/u;

function isChineseCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** BertNormalizer with clean_text, handle_chinese_chars and lowercase on (accents stripped). */
export function normalizeBertText(text: string): string {
  const out: string[] = [];
  for (const char of text) {
    const cp = char.charCodeAt(0);
    if (cp === 0 || cp === 0xfffd || (char !== '\t' && char !== '\n' && char !== '\r' && CONTROL.test(char))) continue;
    if (/^\s$/.test(char)) out.push(' ');
    else if (isChineseCodePoint(cp)) out.push(' ', char, ' ');
    else out.push(char);
  }
  return out
    .join('')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** BertPreTokenizer: runs of non-space, non-punctuation characters, and each punctuation mark alone. */
export function preTokenizeBert(normalized: string): string[] {
  return normalized.trim().match(WORD_OR_PUNCTUATION) ?? [];
}
