#!/usr/bin/env node
// Entry point of the `attn` command (`pnpm attn …`): dispatches to a sub-command and turns every failure into a
// one-line reason on stderr and a non-zero exit; a GPU provider runs in a child whose native warnings are hidden.
import { hidesNativeWarnings, runHidingNativeWarnings } from './native-warnings.ts';

const argv = process.argv.slice(2);
// The commands are imported only where they run, so the filtering parent starts in milliseconds.
process.exitCode = hidesNativeWarnings(argv) ? await runHidingNativeWarnings(argv) : await (await import('./run-cli.ts')).runCli(argv);
