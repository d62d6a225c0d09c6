// Dispatches argv to a registered command; returns the process exit code. Help asked for goes to stdout
// (`attn --help | less`); errors become `attn <command>: <code>: <message>` on one line; ATTN_DEBUG=1 adds the stack.
import { describeError, isAttentionError } from '@attn/core';
import { commands } from './commands/index.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: attn <command> [options]', '', 'Commands:', ...lines, '', 'Run `attn <command> --help` for details.'].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(helpText() + '\n');
    return 1;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText() + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`attn: unknown command "${name}"; run \`attn --help\` for the list\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    const code = isAttentionError(error) ? error.code : 'E_INTERNAL';
    const message = describeError(error);
    process.stderr.write(`attn ${name}: ${code}: ${message.split('\n')[0]}\n`);
    if (process.env.ATTN_DEBUG) process.stderr.write(String((error as Error)?.stack) + '\n');
    return 1;
  }
}
