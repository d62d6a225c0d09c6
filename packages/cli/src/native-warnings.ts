// Hides the GPU libraries' own warnings unless --verbose: WebGPU's Dawn prints blocks such as "Warning: Couldn't
// load Vulkan: …" + "    at operator() (…/BackendVk.cpp:368)" straight to stderr from C++, past any log level.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Set in the child that runs the command, so that it does not spawn again. */
const FILTERED_ENV = 'ATTN_NATIVE_WARNINGS_FILTERED';

/** The --ep value in argv (`--ep webgpu` or `--ep=webgpu`), if any. */
function requestedProvider(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return undefined;
    if (argv[i] === '--ep') return argv[i + 1];
    if (argv[i]!.startsWith('--ep=')) return argv[i]!.slice('--ep='.length);
  }
  return undefined;
}

/** True when argv asks for a provider other than cpu without --verbose (and this is not already the filtered child). */
export function hidesNativeWarnings(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const provider = requestedProvider(argv);
  return provider !== undefined && provider !== 'cpu' && !argv.includes('--verbose') && env[FILTERED_ENV] === undefined;
}

/** A line filter that drops native warning blocks: "Warning: …" or "Info: …", its "    at f (file:line)" lines and one blank line. */
export function nativeWarningFilter(): (line: string) => boolean {
  let inBlock = false;
  return (line) => {
    if (/^(Warning|Info|Debug): /.test(line)) return !(inBlock = true);
    if (inBlock && /^\s+at .+:\d+\)$/.test(line)) return false;
    const blankAfterBlock = inBlock && line === '';
    inBlock = false;
    return !blankAfterBlock;
  };
}

/** Runs `attn argv` in a child process whose stderr passes through nativeWarningFilter; resolves to its exit code. */
export function runHidingNativeWarnings(argv: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...argv], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...process.env, [FILTERED_ENV]: '1' },
  });
  const keep = nativeWarningFilter();
  createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
    if (keep(line)) process.stderr.write(line + '\n');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
