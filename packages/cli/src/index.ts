// @attn/cli — the `attn` command as a library: runCli(argv) and the command registry.
export { runCli } from './run-cli.ts';
export { commands } from './commands/index.ts';
export type { CliCommand } from './command.ts';
