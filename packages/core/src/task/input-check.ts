// Checks a value against a zod schema at a boundary and turns the first issue into an AttentionError
// whose field is the issue's path: E_LIMIT where a string or list is over its maximum, else E_INPUT.
import type { z } from 'zod';
import { AttentionError } from '../errors.ts';

/** The AttentionError for a failed parse: code by issue, field = `prefix.path` ('body' at the root). */
export function issueError(error: z.ZodError, prefix?: string): AttentionError {
  const issue = error.issues[0]!;
  const inner = issue.path.map(String).join('.');
  const field = [prefix, inner].filter((part) => part !== undefined && part !== '').join('.') || 'body';
  const tooBig = issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array');
  const overLimit = tooBig || (issue.code === 'custom' && issue.params?.limit === true);
  return new AttentionError(overLimit ? 'E_LIMIT' : 'E_INPUT', issue.message, { field });
}

/** The parsed value, or the AttentionError of its first issue (fields prefixed with `prefix`). */
export function checkInput<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw issueError(result.error, prefix);
  return result.data;
}
