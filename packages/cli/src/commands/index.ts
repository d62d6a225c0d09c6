// Registry of `attn` sub-commands: one module per command in this folder, listed here.
import type { CliCommand } from '../command.ts';
import { benchCommand } from './bench.ts';
import { compareCommand } from './compare.ts';
import { dataCommand } from './data.ts';
import { doctorCommand } from './doctor.ts';
import { explainCommand } from './explain.ts';
import { extractCommand } from './extract.ts';
import { inspectCommand } from './inspect.ts';
import { trainCommand } from './train.ts';
import { evalCommand } from './eval.ts';

export const commands: CliCommand[] = [
  inspectCommand,
  extractCommand,
  doctorCommand,
  benchCommand,
  explainCommand,
  trainCommand,
  evalCommand,
  compareCommand,
  dataCommand,
];
