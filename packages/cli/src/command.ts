// The shape of one `attn` sub-command, and the argument helpers every command shares.
// Commands print JSON on stdout and human text on stderr; errors are thrown, bin.ts reports them.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AttentionError } from '@attn/core';
import { outWriteError } from './out-path.ts';

export interface CliCommand {
  name: string;
  /** One line for `attn --help`. */
  summary: string;
  /** Full usage text for `attn <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The positional arguments a command takes, by name; a last name ending in "…" takes any number. */
export type PositionalNames = readonly string[];

/** "--out, --json, --help": the options a command takes, for error messages. */
function optionList(options: Options): string {
  return [...Object.keys(options), 'help'].map((name) => `--${name}`).join(', ');
}

/** parseArgs' error as one clean line naming the option: unknown, missing its value, or given one it does not take. */
function optionError(cause: unknown, command: string, options: Options): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
  if (/^Unknown option/.test(message)) return `unknown option ${flag}; attn ${command} takes ${optionList(options)}`;
  if (/argument missing/.test(message)) return `${flag} needs a value`;
  if (/does not take an argument/.test(message)) return `${flag} takes no value`;
  if (/argument is ambiguous/.test(message)) return `${flag} needs a value; write ${flag}=-… for one that starts with "-"`;
  return message.split('\n')[0]!;
}

/** The first positional argument past what the command takes, as an E_INPUT error naming it. */
function checkPositionals(command: string, given: string[], names: PositionalNames): void {
  if (names.at(-1)?.endsWith('…') || given.length <= names.length) return;
  const takes = names.length === 0 ? 'no arguments besides options' : names.map((name) => `<${name}>`).join(' ');
  throw new AttentionError('E_INPUT', `unexpected argument "${given[names.length]}"; attn ${command} takes ${takes}`);
}

/** parseArgs with strict checking: unknown options and extra arguments become one-line E_INPUT errors naming them. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T, positionals: PositionalNames) {
  const parse = () => {
    try {
      return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    } catch (cause) {
      throw new AttentionError('E_INPUT', optionError(cause, command, options), { cause });
    }
  };
  const parsed = parse();
  checkPositionals(command, parsed.positionals, positionals);
  return parsed;
}

/** The positional argument at `index`, or an E_INPUT error naming it. */
export function requirePositional(positionals: string[], index: number, name: string): string {
  const value = positionals[index];
  if (value === undefined) throw new AttentionError('E_INPUT', `missing <${name}>`);
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

/** Writes a JSON document to stdout, or to `outPath` (checked by outPathArg) when given. */
export async function writeJson(value: unknown, outPath?: string): Promise<void> {
  await writeText([JSON.stringify(value)], outPath);
}

/**
 * Writes text given in pieces (and a final newline) to stdout or `outPath` (gzip-compressed when it ends in .gz), waiting
 * whenever the stream asks to, so a document larger than one JavaScript string (attn extract on BERT-base) is never joined in memory.
 */
export async function writeText(pieces: Iterable<string>, outPath?: string): Promise<void> {
  const file = outPath ? createWriteStream(outPath) : undefined;
  const gzip = outPath?.endsWith('.gz') ? createGzip() : undefined;
  const stream: Writable = gzip ?? file ?? process.stdout;
  let onError: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (onError = reject));
  failed.catch(() => undefined); // only raced with the waits below: an error nobody waits for must not crash the process
  const written = gzip && file ? pipeline(gzip, file) : undefined;
  written?.catch(onError);
  stream.once('error', onError);
  const write = async (piece: string) => {
    if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    for (const piece of pieces) await write(piece);
    await write('\n');
    gzip?.end();
    if (written) await Promise.race([written, failed]);
    else if (file) await finished(file.end());
  } catch (cause) {
    gzip?.destroy();
    file?.destroy();
    throw outPath ? outWriteError(outPath, cause) : cause;
  } finally {
    stream.off('error', onError); // stdout outlives the command: leave no listener on it
  }
}

/** Human-readable progress and summaries go to stderr, so stdout stays machine-readable. */
export function say(line: string): void {
  process.stderr.write(line + '\n');
}
