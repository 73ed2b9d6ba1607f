import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainMalayWordOdds } from '../malay-word-odds';
import { linguaLines } from './corpora';

/** Learns the Malay against Indonesian word odds from lingua-dev sentences into the package. */
const sentences = linguaLines('sentences');
const odds = trainMalayWordOdds(sentences.get('ms') ?? [], sentences.get('id') ?? []);
const file = join(__dirname, '../../src/malay-word-odds.json');
writeFileSync(
  file,
  `${JSON.stringify({ source: 'lingua-dev sentences ms, id', odds: Object.fromEntries(odds) }, null, 2)}\n`,
);
console.log(`${odds.size} word odds written to ${file}`);
