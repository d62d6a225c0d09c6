// The Prettier settings of the whole repository: single quotes, trailing commas, 140 columns
// (wide enough for the typed one-liners the code base favours, and a hard limit for every line).
/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  proseWrap: 'preserve',
};
