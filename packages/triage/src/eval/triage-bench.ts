import { performance } from 'node:perf_hooks';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { simpleParser } from 'mailparser';
import { preloadIpCountry } from '../analysis/ip-country';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { triage } from '../triage.engine';
import { corporaRoot, loadSpamAssassin } from './corpus';
import { buyerLanguage } from '../analysis/buyer-language';

/** Rounds per measurement: the best round counts, so a busy neighbour on the machine skews less. */
const ROUNDS = 3;

/** Messages per second of one pass of `step` over every raw message. */
async function pass(raws: Buffer[], step: (raw: Buffer) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (const raw of raws) await step(raw).catch(() => undefined);
  return raws.length / ((performance.now() - start) / 1000);
}

/**
 * CPU milliseconds per message of language detection and of triage on parsed messages, to tell
 * which part of the pipeline costs what. Each round parses afresh, as the pipeline does, so no
 * per-message cache carries over between rounds.
 */
async function pipelineShares(raws: Buffer[]): Promise<{ language: number; triage: number }> {
  const best = { language: Infinity, triage: Infinity };
  for (let round = 0; round < ROUNDS; round += 1) {
    const messages: NormalisedMessage[] = [];
    for (const raw of raws)
      await parseMessage(raw).then(
        (m) => messages.push(m),
        () => undefined,
      );
    let start = process.cpuUsage();
    const languages = messages.map((message) => buyerLanguage(message, DEFAULT_TRIAGE_CONFIG));
    let used = process.cpuUsage(start);
    best.language = Math.min(best.language, (used.user + used.system) / 1000 / messages.length);
    start = process.cpuUsage();
    messages.forEach((message, i) => triage({ message, language: languages[i] }));
    used = process.cpuUsage(start);
    best.triage = Math.min(best.triage, (used.user + used.system) / 1000 / messages.length);
  }
  return best;
}

async function main(): Promise<void> {
  const raws = loadSpamAssassin(corporaRoot()).map((m) => m.raw);
  // One-time loads (IP table, phrase matchers, language profiles) are start-up cost, not per message.
  preloadIpCountry();
  const first = await parseMessage(raws[0]!);
  triage({ message: first, language: buyerLanguage(first, DEFAULT_TRIAGE_CONFIG) });

  const steps = {
    mailparser: (raw: Buffer) => simpleParser(raw),
    parse: (raw: Buffer) => parseMessage(raw),
    pipeline: async (raw: Buffer) => {
      const message = await parseMessage(raw);
      return triage({ message, language: buyerLanguage(message, DEFAULT_TRIAGE_CONFIG) });
    },
  };
  const best = { mailparser: 0, parse: 0, pipeline: 0 };
  // Rounds interleave the three steps so that load from elsewhere hits them alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of ['mailparser', 'parse', 'pipeline'] as const)
      best[name] = Math.max(best[name], await pass(raws, steps[name]));
  }
  const { mailparser: mailparserOnly, parse: parseOnly, pipeline } = best;
  const share = await pipelineShares(raws);
  const lines = [
    `spamassassin-dev: ${raws.length} messages held in memory, best of ${ROUNDS} interleaved rounds`,
    `mailparser simpleParser alone:                 ${mailparserOnly.toFixed(0)} msg/s`,
    `@inquiry/mail parseMessage alone (mailsplit):  ${parseOnly.toFixed(0)} msg/s`,
    `parseMessage + language + triage:              ${pipeline.toFixed(0)} msg/s`,
    `ratio pipeline / parseMessage:                 ${(pipeline / parseOnly).toFixed(2)}`,
    `ratio pipeline / simpleParser:                 ${(pipeline / mailparserOnly).toFixed(2)}`,
    `CPU per message after parsing: language ${share.language.toFixed(2)} ms, triage ${share.triage.toFixed(2)} ms (best of ${ROUNDS})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
