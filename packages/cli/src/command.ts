// The shape of one `attn` sub-command, and the argument helpers every command shares.
// Commands print JSON on stdout and human text on stderr; errors are thrown, bin.ts reports them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AttentionError } from '@attn/core';

export interface CliCommand {
  name: string;
  /** One line for `attn --help`. */
  summary: string;
  /** Full usage text for `attn <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking; unknown flags become an E_INPUT error naming the flag. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AttentionError('E_INPUT', `attn ${command}: ${message}`, { cause });
  }
}

/** The positional argument at `index`, or an E_INPUT error naming it. */
export function requirePositional(command: string, positionals: string[], index: number, name: string): string {
  const value = positionals[index];
  if (value === undefined) throw new AttentionError('E_INPUT', `attn ${command}: missing <${name}>`);
  return value;
}

/** A positive integer flag value, or an E_INPUT error naming the flag. */
export function parsePositiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new AttentionError('E_INPUT', `--${flag} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

/** Writes a JSON document to stdout, or to `outPath` when given. */
export async function writeJson(value: unknown, outPath?: string): Promise<void> {
  const text = JSON.stringify(value) + '\n';
  if (outPath) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(outPath, text);
  } else {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
  }
}

/** Human-readable progress and summaries go to stderr, so stdout stays machine-readable. */
export function say(line: string): void {
  process.stderr.write(line + '\n');
}
