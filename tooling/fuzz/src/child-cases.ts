// Runs numbered fuzz cases in child Node processes, many per child, so that a native abort kills only the child:
// each case the child starts and reports is a JSON line; a case it started and never reported died (or hung) with it.
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** What became of one case. */
export type ChildCaseOutcome =
  | { case: number; outcome: 'reported'; report: Record<string, unknown> }
  /** The child exited while running the case: `exit` says how ("signal SIGABRT", "exit code 134"); stderr's tail. */
  | { case: number; outcome: 'died'; exit: string; stderr: string }
  /** The case ran longer than `stallMs`; its child was killed. */
  | { case: number; outcome: 'hung'; stderr: string };

export interface ChildCasesOptions {
  /** Node arguments that start the child (e.g. `['--import', 'tsx', 'child.ts', manifest]`); the first and end case follow. */
  args: readonly string[];
  cwd?: string;
  /** Cases 0 … cases − 1. */
  cases: number;
  /** Cases per child (default 100); after a death the next child starts at the case after it. */
  batch?: number;
  /** Children at once (default 1). */
  parallel?: number;
  /** A case that runs this long is killed with its child and counted as hung (default 60 s): a guard, not a measure. */
  stallMs?: number;
}

const STDERR_TAIL = 2_000;
/** How long a child may take to start (load its modules) before its first case, at the least. */
const STARTUP_MS = 120_000;

interface ChildRun {
  reports: Map<number, Record<string, unknown>>;
  /** The case started and not reported when the child ended, if any. */
  unfinished?: number;
  exit: string;
  hung: boolean;
  stderr: string;
}

function runChild(options: ChildCasesOptions, first: number, end: number): Promise<ChildRun> {
  const child = spawn(process.execPath, [...options.args, String(first), String(end)], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: ChildRun = { reports: new Map(), exit: '', hung: false, stderr: '' };
  let timer: NodeJS.Timeout | undefined;
  const watch = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      run.hung = true;
      child.kill('SIGKILL');
    }, ms);
  };
  const stallMs = options.stallMs ?? 60_000;
  watch(Math.max(stallMs, STARTUP_MS));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (run.stderr = (run.stderr + chunk).slice(-STDERR_TAIL)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: { case?: unknown; start?: unknown; report?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return; // a native library's own output
    }
    if (typeof message.case !== 'number') return;
    if (message.start === true) {
      run.unfinished = message.case;
      watch(stallMs);
    } else if (typeof message.report === 'object' && message.report !== null) {
      run.reports.set(message.case, message.report as Record<string, unknown>);
      run.unfinished = undefined;
      clearTimeout(timer);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      run.exit = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(run);
    });
  });
}

/** Cases first … end − 1, restarting a child after each case that killed it. */
async function runRange(options: ChildCasesOptions, first: number, end: number, outcomes: ChildCaseOutcome[]): Promise<void> {
  let next = first;
  while (next < end) {
    const run = await runChild(options, next, end);
    for (const [index, report] of run.reports) outcomes[index] = { case: index, outcome: 'reported', report };
    const lost = run.unfinished;
    if (lost !== undefined) {
      outcomes[lost] = run.hung
        ? { case: lost, outcome: 'hung', stderr: run.stderr }
        : { case: lost, outcome: 'died', exit: run.exit, stderr: run.stderr };
    }
    const done = lost ?? Math.max(next - 1, ...run.reports.keys());
    if (lost === undefined && done < end - 1) {
      throw new Error(
        `the fuzz child stopped (${run.exit}) after case ${done} of ${first}…${end - 1} without starting the next: ${run.stderr}`,
      );
    }
    next = done + 1;
  }
}

/** Runs every case in children and returns one outcome per case, in order. */
export async function runCasesInChildren(options: ChildCasesOptions): Promise<ChildCaseOutcome[]> {
  const batch = options.batch ?? 100;
  const outcomes: ChildCaseOutcome[] = new Array(options.cases);
  const ranges = Array.from(
    { length: Math.ceil(options.cases / batch) },
    (_, i) => [i * batch, Math.min((i + 1) * batch, options.cases)] as const,
  );
  const workers = Array.from({ length: Math.min(options.parallel ?? 1, ranges.length) }, async () => {
    for (let range = ranges.shift(); range; range = ranges.shift()) await runRange(options, range[0], range[1], outcomes);
  });
  await Promise.all(workers);
  return outcomes;
}

/** In the child: the cases it was given (the last two arguments). */
export function childCaseRange(argv: readonly string[] = process.argv): { first: number; end: number } {
  const [first, end] = argv.slice(-2).map(Number);
  if (!Number.isInteger(first) || !Number.isInteger(end))
    throw new Error(`a fuzz child needs <first> <end> case arguments, got ${argv.slice(-2).join(' ')}`);
  return { first: first!, end: end! };
}

/** In the child: says a case starts, written at once (the child may die inside it). */
export function reportCaseStart(index: number): void {
  writeSync(1, `${JSON.stringify({ case: index, start: true })}\n`);
}

/** In the child: what became of a case. */
export function reportCase(index: number, report: Record<string, unknown>): void {
  writeSync(1, `${JSON.stringify({ case: index, report })}\n`);
}
