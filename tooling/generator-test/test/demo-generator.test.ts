// `pnpm gen demo` end to end: the real @turbo/gen CLI runs turbo/generators on a temporary repository root,
// then the generated task package and app are type-checked and their own tests (the browser test too) run with this repo's tools.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDescription, checkDomainName, checkPort, DEMO_FILES } from '../../../turbo/generators/demo-answers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const testPackage = join(here, '..');
const repoRoot = join(testPackage, '..', '..');
const genCli = join(repoRoot, 'node_modules', '@turbo', 'gen', 'dist', 'cli.js');
const bin = (name: string) => join(testPackage, 'node_modules', '.bin', name);

const NAME = 'sound-events';
const DESCRIPTION = 'Which "frames" of a clip an event detector looks at';
const PORT = '3077';

/** Child environment without colour codes, so the output can be matched. */
const { FORCE_COLOR: _forceColor, ...plainEnv } = process.env;

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const env = { ...plainEnv, NO_COLOR: '1', ...extraEnv };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function generate(root: string, args: string[]) {
  return run(process.execPath, [genCli, 'run', 'demo', '--root', root, '--args', ...args], root);
}

/** A repository root with this repo's workspace files and generators, resolving packages through this package's node_modules. */
function temporaryRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'attn-gen-demo-'));
  for (const file of ['pnpm-workspace.yaml', 'tsconfig.base.json', 'turbo.json']) cpSync(join(repoRoot, file), join(root, file));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'attn-gen-demo-check', private: true, packageManager: 'pnpm@10.34.9' }));
  cpSync(join(repoRoot, 'turbo', 'generators'), join(root, 'turbo', 'generators'), { recursive: true });
  mkdirSync(join(root, 'packages'));
  mkdirSync(join(root, 'apps'));
  // node_modules: links to this package's dependencies, plus the generated task package (what `pnpm install` links).
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@attn'), { recursive: true });
  for (const entry of readdirSync(join(testPackage, 'node_modules'))) {
    if (entry === '@attn' || entry === '.bin') continue;
    symlinkSync(join(testPackage, 'node_modules', entry), join(modules, entry));
  }
  for (const entry of readdirSync(join(testPackage, 'node_modules', '@attn'))) {
    symlinkSync(join(testPackage, 'node_modules', '@attn', entry), join(modules, '@attn', entry));
  }
  symlinkSync(join(root, 'packages', `task-${NAME}`), join(modules, '@attn', `task-${NAME}`));
  return root;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe('the demo generator answers', () => {
  it('accepts a kebab-case name that is not taken and refuses the others, naming the value', () => {
    expect(checkDomainName('audio-events2', repoRoot)).toBe(true);
    expect(checkDomainName('Audio', repoRoot)).toMatch(/kebab-case.*"Audio"/);
    expect(checkDomainName('audio--events', repoRoot)).toMatch(/kebab-case/);
    expect(checkDomainName('2d', repoRoot)).toMatch(/kebab-case/);
    expect(checkDomainName('text', repoRoot)).toMatch(/taken: packages\/task-text/);
    expect(checkDomainName('text-classification', repoRoot)).toMatch(/taken: apps\/text-classification/);
  });

  it('wants a one-line description and a usable port', () => {
    expect(checkDescription('Where a model listens')).toBe(true);
    expect(checkDescription(' ')).toMatch(/non-empty/);
    expect(checkDescription('two\nlines')).toMatch(/one line/);
    expect(checkPort('3010')).toBe(true);
    expect(checkPort('80')).toMatch(/1024 to 65535, got "80"/);
    expect(checkPort('30x')).toMatch(/integer/);
  });
});

describe('pnpm gen demo, generated into a temporary repository root', () => {
  let root: string;
  let generation: ReturnType<typeof run>;
  beforeAll(() => {
    root = temporaryRepository();
    generation = generate(root, [NAME, DESCRIPTION, PORT]);
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('writes every file of the task package and the app, and prints the next steps', () => {
    expect(generation.status, generation.output).toBe(0);
    const expected = DEMO_FILES.map((file) => file.destination.replaceAll('{{name}}', NAME)).sort();
    const written = [
      ...filesUnder(join(root, 'packages')).map((f) => join('packages', f)),
      ...filesUnder(join(root, 'apps')).map((f) => join('apps', f)),
    ];
    expect(written.sort()).toEqual(expected);
    expect(generation.output).toContain(`pnpm --filter @attn/task-${NAME} test`);
    expect(generation.output).toContain(`http://localhost:${PORT}`);
  });

  it('starts every generated file (but package.json) with a two-line header comment, and leaves no TODO', () => {
    for (const { destination } of DEMO_FILES) {
      const text = readFileSync(join(root, destination.replaceAll('{{name}}', NAME)), 'utf8');
      expect(text, destination).not.toMatch(/TODO|FIXME|\{\{/);
      if (destination.endsWith('package.json')) continue;
      const [first, second] = text.split('\n');
      const comment = destination.endsWith('.css') ? /^\/\*|^ {3}/ : /^\/\/ \S/;
      expect(first, destination).toMatch(comment);
      expect(second, destination).toMatch(comment);
    }
  });

  it('fills in the names, the description and the port', () => {
    const taskPackage = JSON.parse(readFileSync(join(root, 'packages', `task-${NAME}`, 'package.json'), 'utf8'));
    expect(taskPackage).toMatchObject({
      name: `@attn/task-${NAME}`,
      description: DESCRIPTION,
      dependencies: { '@attn/core': 'workspace:*' },
    });
    const appPackage = JSON.parse(readFileSync(join(root, 'apps', NAME, 'package.json'), 'utf8'));
    expect(appPackage.name).toBe(`@attn/app-${NAME}`);
    expect(appPackage.scripts.dev).toBe(`next dev --port ${PORT}`);
    const domain = readFileSync(join(root, 'packages', `task-${NAME}`, 'src', `${NAME}-domain.ts`), 'utf8');
    expect(domain).toContain('export const loadSoundEventsTask: LoadAttentionTask<SoundEventsInput> =');
    expect(domain).toContain(`// The ${NAME} domain — ${DESCRIPTION}`);
  });

  it('writes only what is domain-specific: at most 150 lines of code of its own (tests included), no route, cache or folder reader', () => {
    const code = DEMO_FILES.map((file) => file.destination.replaceAll('{{name}}', NAME)).filter(
      (path) => /\.tsx?$/.test(path) && !/\.config\.ts$/.test(path),
    );
    const isCode = (line: string) => line.trim() !== '' && !/^\s*(\/\/|\/\*\*|\*)/.test(line);
    const lines = code.map((path) => readFileSync(join(root, path), 'utf8').split('\n').filter(isCode).length);
    expect(
      lines.reduce((a, b) => a + b, 0),
      code.map((path, i) => `${path}: ${lines[i]}`).join('\n'),
    ).toBeLessThanOrEqual(150);
    const all = code.map((path) => readFileSync(join(root, path), 'utf8')).join('\n');
    for (const copied of ['readJsonBody', 'STATUS_BY_CODE', 'new Map(', 'readFileSync', 'softmax(']) expect(all).not.toContain(copied);
  });

  it("writes code in the repository's Prettier style, so `pnpm format` passes with a new domain", () => {
    const config = join(repoRoot, 'tooling', 'prettier', 'index.js');
    const files = DEMO_FILES.map((file) => file.destination.replaceAll('{{name}}', NAME));
    const prettier = run(bin('prettier'), ['--check', '--config', config, ...files], root);
    expect(prettier.status, prettier.output).toBe(0);
  });

  it('type-checks the generated task package and app', () => {
    for (const project of [join('packages', `task-${NAME}`), join('apps', NAME)]) {
      const tsc = run(bin('tsc'), ['--noEmit', '-p', project], root);
      expect(tsc.status, `${project}: ${tsc.output}`).toBe(0);
    }
  }, 180_000);

  it("passes the generated task package's and app's own tests", () => {
    for (const project of [join('packages', `task-${NAME}`), join('apps', NAME)]) {
      const vitest = run(bin('vitest'), ['run'], join(root, project));
      expect(vitest.status, `${project}: ${vitest.output}`).toBe(0);
      expect(vitest.output).toMatch(/Tests\s+\d+ passed/);
    }
  }, 180_000);

  it("passes the generated app's browser test: built, served and driven in headless Chromium", () => {
    // webpack, because Turbopack refuses this temporary root's links to packages outside it (see @attn/e2e).
    const e2e = run(bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts'], join(root, 'apps', NAME), {
      ATTN_E2E_NEXT_BUNDLER: 'webpack',
    });
    expect(e2e.status, e2e.output).toBe(0);
    expect(e2e.output).toMatch(/Tests\s+3 passed/);
  }, 300_000);

  it('refuses a name that is not kebab-case, and one already generated', () => {
    const badName = generate(root, ['Sound_Events', DESCRIPTION, PORT]);
    expect(badName.output).toMatch(/kebab-case/);
    expect(existsSync(join(root, 'packages', 'task-Sound_Events'))).toBe(false);
    const taken = generate(root, [NAME, DESCRIPTION, PORT]);
    expect(taken.output).toMatch(/is taken: packages\/task-sound-events already exists/);
  });
});
