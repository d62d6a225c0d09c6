// `attn compare` on a tiny recommender folder built in the test: the table grouped by domain on stderr,
// attn-compare/v1 on stdout with --json, and one-line errors for a bad --models or --examples.
import { describe, expect, it } from 'vitest';
import { writeTinyRecsysFolder } from '@attn/task-recsys/test-support';
import { captureCli as capture } from './capture-cli.ts';

const dir = writeTinyRecsysFolder();

describe('attn compare', () => {
  it('prints a table per domain with every statistic and the domain’s faithfulness test', async () => {
    const { code, stdout, stderr } = await capture(['compare', '--models', dir, '--examples', '2']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\nrecsys\n {2}model +layers×heads +entropy +distance +Gini +top-3 mass +head roles/);
    expect(stderr).toMatch(/drop-item Spearman -?\d\.\d\d ± \d\.\d\d/);
  });

  it('prints attn-compare/v1 with --json', async () => {
    const { code, stdout } = await capture(['compare', '--models', dir, '--examples', '1', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { format: string; domains: { domain: string; models: { inputs: number }[] }[] };
    expect(report.format).toBe('attn-compare/v1');
    expect(report.domains.map((d) => d.domain)).toEqual(['recsys']);
    expect(report.domains[0]!.models[0]!.inputs).toBe(1);
  });

  it('names a bad --models or --examples in one line', async () => {
    const unknown = await capture(['compare', '--models', 'no-such-model']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^attn compare: E_INPUT: "no-such-model" is neither a shipped model/);
    const zero = await capture(['compare', '--examples', '0']);
    expect(zero.stderr).toMatch(/^attn compare: E_INPUT: --examples must be a positive integer, got "0"\n$/);
    expect((await capture(['compare', '--models', ' , '])).stderr).toMatch(/--models must name at least one/);
  });
});
