// `attn data fetch` checks the shared data already in place without downloading, prints its
// JSON report, and rejects unknown actions and groups in one line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataDir } from '@attn/core';
import { captureCli as capture } from './capture-cli.ts';

afterEach(() => vi.restoreAllMocks());

describe('attn data fetch', () => {
  it('reports the text files present with matching sha256', async () => {
    const { code, stdout, stderr } = await capture(['data', 'fetch', 'text', '--dir', dataDir()]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { path: 'text/rt-polarity.pos', status: 'present', bytes: 626168 },
      { path: 'text/rt-polarity.neg', status: 'present', bytes: 612290 },
      { path: 'text/SMSSpamCollection', status: 'present', bytes: 477907 },
    ]);
    expect(stderr).toContain('0 downloaded, 3 already present');
  });

  it('rejects an unknown group and an unknown action', async () => {
    const group = await capture(['data', 'fetch', 'audio']);
    expect(group.code).toBe(1);
    expect(group.stderr).toContain('unknown group "audio"; known: text, image, recsys');
    const action = await capture(['data', 'pull']);
    expect(action.code).toBe(1);
    expect(action.stderr).toContain('unknown action "pull"; available: fetch');
  });
});
