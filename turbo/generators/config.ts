// Turborepo generators of Attention Atlas: `pnpm gen demo` (or `pnpm turbo gen demo`) adds a new
// domain — a task package (packages/task-<name>) and a Next.js app (apps/<name>) that work as generated.
import type { PlopTypes } from '@turbo/gen';
import { typeLiteral } from './string-literal.ts';
import {
  checkDescription,
  checkDomainName,
  checkPort,
  DEFAULT_DEMO_PORT,
  DEMO_FILES,
  nextSteps,
  type DemoAnswers,
} from './demo-answers.ts';

export default function generators(plop: PlopTypes.NodePlopAPI): void {
  const root = plop.getDestBasePath();
  // JSON string literal of a value: for descriptions inside JSON files.
  plop.setHelper('json', (value: unknown) => JSON.stringify(value));
  // TypeScript string literal of a value, quoted as Prettier quotes it: single quotes unless that needs more escapes.
  plop.setHelper('ts', (value: unknown) => typeLiteral(String(value)));

  plop.setGenerator('demo', {
    description: 'A new attention domain: packages/task-<name> (an AttentionTask) and apps/<name> (a Next.js app)',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Domain name (kebab-case, e.g. audio-events):',
        validate: (value: string) => checkDomainName(value, root),
      },
      { type: 'input', name: 'description', message: 'One-line description of what the domain explains:', validate: checkDescription },
      {
        type: 'input',
        name: 'port',
        message: 'Port of the app (next dev / next start):',
        default: String(DEFAULT_DEMO_PORT),
        validate: checkPort,
        filter: (value: string | number) => Number(value),
      },
    ],
    actions: (data) => {
      const answers = data as DemoAnswers;
      return [
        ...DEMO_FILES.map(({ template, destination }) => ({
          type: 'add',
          path: destination,
          templateFile: `templates/${template}`,
          abortOnFail: true,
        })),
        nextSteps(answers),
      ];
    },
  });
}
