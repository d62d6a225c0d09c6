// The special tokens of every tokenizer trained here, with their fixed ids at the start of the
// vocabulary ([PAD] 0, [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4).

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
export type SpecialToken = (typeof SPECIAL_TOKENS)[number];

export const PAD_ID = 0;
export const UNK_ID = 1;
export const CLS_ID = 2;
export const SEP_ID = 3;
export const MASK_ID = 4;
