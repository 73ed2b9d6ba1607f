import { performance } from 'node:perf_hooks';
import { detectLanguage } from '@inquiry/lang';
import { parseMessage } from '@inquiry/mail';
import { simpleParser } from 'mailparser';
import { preloadIpCountry } from '../analysis/ip-country';
import { senderText } from '../analysis/message-facts';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { triage } from '../triage.engine';
import { corporaRoot, loadSpamAssassin } from './corpus';

/** Messages per second of `step` over every raw message, run once to warm up and once measured. */
async function rate(raws: Buffer[], step: (raw: Buffer) => Promise<unknown>): Promise<number> {
  for (const raw of raws.slice(0, 200)) await step(raw).catch(() => undefined);
  const start = performance.now();
  for (const raw of raws) await step(raw).catch(() => undefined);
  return raws.length / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const raws = loadSpamAssassin(corporaRoot()).map((m) => m.raw);
  // One-time loads (IP table, phrase matchers, language profiles) are start-up cost, not per message.
  preloadIpCountry();
  const first = await parseMessage(raws[0]!);
  triage({ message: first, language: detectLanguage(senderText(first, DEFAULT_TRIAGE_CONFIG)).language });

  const mailparserOnly = await rate(raws, (raw) => simpleParser(raw));
  const parseOnly = await rate(raws, (raw) => parseMessage(raw));
  const pipeline = await rate(raws, async (raw) => {
    const message = await parseMessage(raw);
    const language = detectLanguage(senderText(message, DEFAULT_TRIAGE_CONFIG)).language;
    return triage({ message, language });
  });
  const lines = [
    `spamassassin-dev: ${raws.length} messages held in memory`,
    `mailparser simpleParser alone:                 ${mailparserOnly.toFixed(0)} msg/s`,
    `@inquiry/mail parseMessage alone (mailparser): ${parseOnly.toFixed(0)} msg/s`,
    `parseMessage + language + triage:              ${pipeline.toFixed(0)} msg/s`,
    `ratio pipeline / parseMessage:                 ${(pipeline / parseOnly).toFixed(2)}`,
    `ratio pipeline / simpleParser:                 ${(pipeline / mailparserOnly).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
