#!/usr/bin/env node
// Entry point of the `attn` command (`pnpm attn …`): dispatches to a sub-command and turns
// every failure into a one-line reason on stderr and a non-zero exit.
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
