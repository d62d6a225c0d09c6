// Registry of `attn` sub-commands: one module per command in this folder, listed here.
import type { CliCommand } from '../command.ts';
import { explainCommand } from './explain.ts';

export const commands: CliCommand[] = [explainCommand];
