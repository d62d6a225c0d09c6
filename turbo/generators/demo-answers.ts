// Answers of `pnpm gen demo` (turbo gen): validation of the domain name, description and port,
// and the files the generator writes for a domain (template → destination).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoAnswers {
  /** Kebab-case domain name: packages/task-<name> and apps/<name>. */
  name: string;
  /** One line saying what the domain explains. */
  description: string;
  /** Port of the app's `next dev` / `next start`. */
  port: number;
}

export const DEFAULT_DEMO_PORT = 3010;

const DOMAIN_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_DESCRIPTION_LENGTH = 160;

/** true, or why `name` cannot be a new domain in the repository at `root`. */
export function checkDomainName(name: unknown, root: string): true | string {
  if (typeof name !== 'string' || !DOMAIN_NAME.test(name)) {
    return `name must be kebab-case (lowercase letters, digits and single dashes, starting with a letter), got ${JSON.stringify(name)}`;
  }
  for (const folder of [join('packages', `task-${name}`), join('apps', name)]) {
    if (existsSync(join(root, folder))) return `name ${JSON.stringify(name)} is taken: ${folder} already exists`;
  }
  return true;
}

/** true, or why `description` is not a usable one-line description. */
export function checkDescription(description: unknown): true | string {
  if (typeof description !== 'string' || description.trim() === '') return 'description must be a non-empty line';
  if (/[\r\n]/.test(description)) return 'description must be one line';
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    return `description must be at most ${MAX_DESCRIPTION_LENGTH} characters, got ${description.length}`;
  }
  return true;
}

/** true, or why `port` is not a usable TCP port for a dev server. */
export function checkPort(port: unknown): true | string {
  const value = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1024 || value > 65535) {
    return `port must be an integer from 1024 to 65535, got ${JSON.stringify(port)}`;
  }
  return true;
}

/** Template (under templates/) → destination (relative to the repository root), names in Handlebars. */
export const DEMO_FILES: ReadonlyArray<{ template: string; destination: string }> = [
  ['task/package.json.hbs', 'packages/task-{{name}}/package.json'],
  ['task/tsconfig.json.hbs', 'packages/task-{{name}}/tsconfig.json'],
  ['task/vitest.config.ts.hbs', 'packages/task-{{name}}/vitest.config.ts'],
  ['task/src/index.ts.hbs', 'packages/task-{{name}}/src/index.ts'],
  ['task/src/domain.ts.hbs', 'packages/task-{{name}}/src/{{name}}-domain.ts'],
  ['task/test/domain.test.ts.hbs', 'packages/task-{{name}}/test/{{name}}-domain.test.ts'],
  ['app/package.json.hbs', 'apps/{{name}}/package.json'],
  ['app/tsconfig.json.hbs', 'apps/{{name}}/tsconfig.json'],
  ['app/next.config.ts.hbs', 'apps/{{name}}/next.config.ts'],
  ['app/vitest.config.ts.hbs', 'apps/{{name}}/vitest.config.ts'],
  ['app/vitest.e2e.config.ts.hbs', 'apps/{{name}}/vitest.e2e.config.ts'],
  ['app/src/models.ts.hbs', 'apps/{{name}}/src/models.ts'],
  ['app/app/layout.tsx.hbs', 'apps/{{name}}/app/layout.tsx'],
  ['app/app/page.tsx.hbs', 'apps/{{name}}/app/page.tsx'],
  ['app/app/api/explain/route.ts.hbs', 'apps/{{name}}/app/api/explain/route.ts'],
  ['app/app/api/models/route.ts.hbs', 'apps/{{name}}/app/api/models/route.ts'],
  ['app/test/routes.test.ts.hbs', 'apps/{{name}}/test/routes.test.ts'],
  ['app/e2e/next-server.ts.hbs', 'apps/{{name}}/e2e/next-server.ts'],
  ['app/e2e/page.test.ts.hbs', 'apps/{{name}}/e2e/page.test.ts'],
].map(([template, destination]) => ({ template: template!, destination: destination! }));

/** What to do after generating `name`: printed as the generator's last message. */
export function nextSteps(answers: Pick<DemoAnswers, 'name' | 'port'>): string {
  const { name, port } = answers;
  return [
    `Created packages/task-${name} (@attn/task-${name}) and apps/${name} (@attn/app-${name}). Next:`,
    `  1. pnpm install  (links the new workspace packages)`,
    `  2. pnpm --filter @attn/task-${name} test  (the task on a tiny built model)`,
    `  3. pnpm --filter @attn/app-${name} test  (POST /api/explain, then the page in headless Chromium, on a tiny built model)`,
    `  4. put a model in models/${name}/: onnx/model.onnx, optional config.json (id2label) and examples.json (inputs)`,
    `  5. pnpm --filter @attn/app-${name} dev  (http://localhost:${port})`,
    `Customise packages/task-${name}/src/${name}-domain.ts: the input schema, input → feeds, token labels, prediction;`,
    `the session, attention extraction, routes, cache and views come from @attn/core, @attn/server and @attn/viz.`,
  ].join('\n');
}
