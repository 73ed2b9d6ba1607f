import { performance } from 'node:perf_hooks';
import { parseMessage } from '@inquiry/mail';
import type { NormalisedMessage } from '@inquiry/mail';
import { simpleParser } from 'mailparser';
import { preloadIpCountry } from '../analysis/ip-country';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import { triage } from '../triage.engine';
import { corporaRoot, loadSpamAssassin } from './corpus';
import { buyerLanguage } from '../analysis/buyer-language';

/** Passes over the corpus per step. */
const ROUNDS = 3;
/**
 * Messages each step takes in turn. The machine's speed drifts over seconds, so steps timed one
 * after the other compare badly; taking turns every few hundred messages puts every step through
 * the same slow and fast spells, and their rates over all rounds compare like for like.
 */
const TURN = 200;

type Step = (raw: Buffer) => Promise<unknown>;

/** Milliseconds `step` takes over the messages. */
async function timed(raws: Buffer[], step: Step): Promise<number> {
  const start = performance.now();
  for (const raw of raws) await step(raw).catch(() => undefined);
  return performance.now() - start;
}

/** Messages per second of each step over ROUNDS passes of the corpus, the steps taking turns. */
async function rates<Name extends string>(
  raws: Buffer[],
  steps: Record<Name, Step>,
): Promise<Record<Name, number>> {
  const names = Object.keys(steps) as Name[];
  const spent = new Map<Name, number>(names.map((name) => [name, 0]));
  for (let round = 0, turn = 0; round < ROUNDS; round += 1) {
    for (let from = 0; from < raws.length; from += TURN, turn += 1) {
      const chunk = raws.slice(from, from + TURN);
      // Each turn starts with another step, so none always runs on the caches another left.
      for (let i = 0; i < names.length; i += 1) {
        const name = names[(turn + i) % names.length]!;
        spent.set(name, spent.get(name)! + (await timed(chunk, steps[name])));
      }
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, (ROUNDS * raws.length) / (spent.get(name)! / 1000)]),
  ) as Record<Name, number>;
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

  const steps = {
    mailparser: (raw: Buffer) => simpleParser(raw),
    parse: (raw: Buffer) => parseMessage(raw),
    pipeline: async (raw: Buffer) => {
      const message = await parseMessage(raw);
      return triage({ message, language: buyerLanguage(message, DEFAULT_TRIAGE_CONFIG) });
    },
  };
  // An untimed pass first: compiling each step's code is start-up cost as well.
  for (const step of Object.values(steps)) await timed(raws, step);
  const { mailparser: mailparserOnly, parse: parseOnly, pipeline } = await rates(raws, steps);
  const share = await pipelineShares(raws);
  const lines = [
    `spamassassin-dev: ${raws.length} messages held in memory, ${ROUNDS} passes, the steps taking turns every ${TURN} messages`,
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
