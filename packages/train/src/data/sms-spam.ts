// Loader for the UCI SMS Spam Collection: UTF-8 lines of `ham|spam<TAB>message`, labelled
// 0 = ham, 1 = spam.
import { AttentionError, dataDir } from '@attn/core';
import { readDataFile, type LabelledText, type TextDataset } from './text-dataset.ts';

const FILE = 'text/SMSSpamCollection';

export function loadSmsSpam(root: string = dataDir()): TextDataset {
  const labels = ['ham', 'spam'];
  const examples: LabelledText[] = [];
  const lines = readDataFile(FILE, root).toString('utf8').split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    const label = labels.indexOf(line.slice(0, tab));
    if (tab < 0 || label < 0) {
      throw new AttentionError('E_DATA', `${FILE} line ${index + 1} is not "ham|spam<TAB>text": "${line.slice(0, 40)}"`);
    }
    examples.push({ text: line.slice(tab + 1).trim(), label });
  }
  return {
    name: 'sms-spam-collection',
    labels,
    examples,
    source: {
      title: 'UCI SMS Spam Collection v.1',
      url: 'https://archive.ics.uci.edu/dataset/228/sms+spam+collection',
      licence: 'CC BY 4.0',
      citation:
        'Tiago A. Almeida, José María Gómez Hidalgo, Akebo Yamakami. 2011. Contributions to the Study of SMS Spam Filtering: New Collection and Results. DocEng 2011.',
      files: [FILE],
    },
  };
}
