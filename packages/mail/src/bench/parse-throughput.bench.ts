import { simpleParser } from 'mailparser';
import { parseMessage } from '../parse-message';
import { readCorpus } from './dev-corpus';

const ROUNDS = 3;

async function rate(messages: Buffer[], parse: (raw: Buffer) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (const raw of messages) await parse(raw);
  return messages.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

/**
 * Messages per second over spamassassin-dev held in memory: mailparser's simpleParser with its
 * defaults against parseMessage. Rounds alternate and the best of each is kept, because the
 * machine is shared and the slowest rounds measure the neighbours.
 */
async function main(): Promise<void> {
  const messages = readCorpus('spamassassin-dev');
  const parseOnly = (raw: Buffer): Promise<unknown> => simpleParser(raw);
  await rate(messages.slice(0, 200), parseOnly);
  await rate(messages.slice(0, 200), parseMessage);
  let mailparserBest = 0;
  let parseMessageBest = 0;
  for (let round = 0; round < ROUNDS; round++) {
    mailparserBest = Math.max(mailparserBest, await rate(messages, parseOnly));
    parseMessageBest = Math.max(parseMessageBest, await rate(messages, parseMessage));
  }
  console.log(`spamassassin-dev: ${messages.length} messages in memory, best of ${ROUNDS} rounds`);
  console.log(`mailparser simpleParser: ${mailparserBest.toFixed(0)} messages/s`);
  console.log(`parseMessage:            ${parseMessageBest.toFixed(0)} messages/s`);
  console.log(`ratio parseMessage / mailparser: ${(parseMessageBest / mailparserBest).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
