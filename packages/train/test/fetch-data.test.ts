// `fetchDataFiles` against a local HTTP server: downloads missing files, leaves matching ones,
// replaces changed ones, and refuses bytes whose sha256 differs; the manifest matches ../shared/data.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, sha256Hex } from '@attn/core';
import { fetchDataFiles, SHARED_DATA_FILES, type SharedDataFile } from '../src/index.ts';

const body = Buffer.from('positive\tan engaging film\n');
let server: Server;
let base: string;
const roots: string[] = [];
const freshRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'attn-fetch-'));
  roots.push(root);
  return root;
};

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/good' || request.url === '/tampered') {
      response.end(request.url === '/good' ? body : Buffer.from('negative\tan engaging film\n'));
    } else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const entry = (route: string): SharedDataFile => ({
  path: 'text/sample.tsv',
  url: `${base}${route}`,
  sha256: sha256Hex(body),
  bytes: body.length,
});

describe('fetchDataFiles', () => {
  it('downloads a missing file, then finds it present', async () => {
    const root = freshRoot();
    expect(await fetchDataFiles([entry('/good')], root)).toEqual([{ path: 'text/sample.tsv', status: 'downloaded', bytes: body.length }]);
    expect(readFileSync(join(root, 'text/sample.tsv'))).toEqual(body);
    expect(await fetchDataFiles([entry('/good')], root)).toEqual([{ path: 'text/sample.tsv', status: 'present', bytes: body.length }]);
  });

  it('replaces a file whose bytes changed', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'text'));
    writeFileSync(join(root, 'text/sample.tsv'), 'edited by hand\n');
    const lines: string[] = [];
    expect((await fetchDataFiles([entry('/good')], root, { log: (l) => lines.push(l) }))[0]!.status).toBe('downloaded');
    expect(lines[0]).toContain('sha256 differs, replacing');
    expect(readFileSync(join(root, 'text/sample.tsv'))).toEqual(body);
  });

  it('refuses bytes with the wrong sha256 and writes nothing', async () => {
    const root = freshRoot();
    await expect(fetchDataFiles([entry('/tampered')], root)).rejects.toThrow(
      /text\/sample\.tsv: .*\/tampered sent \d+ bytes with sha256 [0-9a-f]{64}; expected/,
    );
    expect(existsSync(join(root, 'text'))).toBe(false);
  });

  it('names the URL and the HTTP status when the server refuses', async () => {
    await expect(fetchDataFiles([entry('/gone')], freshRoot())).rejects.toThrow(/\/gone answered HTTP 404/);
  });
});

describe('SHARED_DATA_FILES', () => {
  const files = Object.values(SHARED_DATA_FILES).flat();

  it('points every file at a raw GitHub URL pinned to a commit', () => {
    for (const file of files) expect(file.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[0-9a-f]{40}\//);
  });

  it('matches the bytes of every file in the shared data folder', async () => {
    const report = await fetchDataFiles(files, dataDir(), { fetchImpl: () => Promise.reject(new Error('no download expected')) });
    expect(report.every((f) => f.status === 'present')).toBe(true);
    const onDisk = ['text', 'image', 'recsys'].flatMap((g) =>
      readdirSync(join(dataDir(), g))
        .filter((n) => n !== 'SOURCE.txt')
        .map((n) => `${g}/${n}`),
    );
    expect(files.map((f) => f.path).sort()).toEqual(onDisk.sort());
  });
});
