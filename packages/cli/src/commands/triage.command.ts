import { readFile } from 'node:fs/promises';
import { MessageSourceError, parseMessage, readMessageSources } from '@inquiry/mail';
import type { RecentInquiry, TriageConfig } from '@inquiry/triage';
import {
  buyerLanguage,
  DEFAULT_TRIAGE_CONFIG,
  loadTriageConfig,
  triage,
  TriageConfigError,
} from '@inquiry/triage';
import type { CliIo, Command } from '../command';
import { UsageError } from '../command';
import { readAll } from '../lines';
import { Output } from '../output';

/** Inquiries within this many days of each other are compared for near-duplicates. */
const HISTORY_DAYS = 14;

const USAGE = `Usage: inquiry triage [--config FILE] PATH...

Scores each message for spam, scam and competitor probing and prints one JSON line per message:
{"file","verdict","scores":{"spam","scam","spy"},"tier","language","signals":[{"id","class","weight","detail"}]}
A message that cannot be read or parsed gives a line with "error" instead.

PATH     an .eml file, a folder of them (searched recursively) or an mbox file;
         - reads one message from standard input
--config a JSON file overriding the triage configuration (own domains, relays, marketplaces, weights)
--       everything after it is a PATH, even if it starts with '-'`;

interface Options {
  configFile?: string;
  paths: string[];
}

function parseArgs(args: string[]): Options {
  const options: Options = { paths: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      options.paths.push(...args.slice(i + 1));
      break;
    } else if (arg === '--config') {
      const file = args[i + 1];
      if (file === undefined || file.startsWith('--'))
        throw new UsageError('--config needs a file name');
      options.configFile = file;
      i += 1;
    } else if (arg.startsWith('--config=')) {
      options.configFile = arg.slice('--config='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'. Run 'inquiry triage --help'.`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0)
    throw new UsageError("no PATH given. Run 'inquiry triage --help'.");
  if (options.paths.filter((path) => path === '-').length > 1)
    throw new UsageError("'-' (standard input) can be given only once");
  return options;
}

/**
 * The messages of one PATH argument; `-` is a single message on standard input. A file or
 * subfolder of a folder that cannot be read comes as its error, in its place, and the walk
 * goes on.
 */
async function* sources(
  path: string,
  io: CliIo,
): AsyncGenerator<{ source: string; raw: Buffer } | MessageSourceError> {
  if (path === '-') {
    yield { source: '-', raw: await readAll(io.stdin) };
    return;
  }
  const unreadable: MessageSourceError[] = [];
  for await (const source of readMessageSources(path, {
    onUnreadable: (error) => unreadable.push(error),
  })) {
    yield* unreadable.splice(0);
    yield source;
  }
  yield* unreadable.splice(0);
}

async function loadConfig(file: string | undefined): Promise<TriageConfig> {
  if (file === undefined) return DEFAULT_TRIAGE_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    return loadTriageConfig(text);
  } catch (error) {
    if (error instanceof TriageConfigError)
      throw new UsageError(`--config ${file}: ${error.message}`);
    throw error;
  }
}

export const triageCommand: Command = {
  summary: 'score messages for spam, scam and spy (JSON lines)',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const config = await loadConfig(options.configFile);
    const history: RecentInquiry[] = [];
    let failures = 0;
    const out = new Output(io.stdout);
    const print = (line: object): Promise<void> => out.write(`${JSON.stringify(line)}\n`);
    for (const path of options.paths) {
      let found = 0;
      try {
        for await (const entry of sources(path, io)) {
          found += 1;
          if (entry instanceof MessageSourceError) {
            failures += 1;
            await print({ file: entry.path, error: entry.problem });
            continue;
          }
          const { source, raw } = entry;
          let message;
          try {
            message = await parseMessage(raw);
          } catch (error) {
            failures += 1;
            await print({ file: source, error: `cannot be parsed: ${(error as Error).message}` });
            continue;
          }
          const language = buyerLanguage(message, config);
          const at = message.date?.getTime() ?? Date.now();
          const recentInquiries = history.filter(
            (h) => Math.abs(at - (h.receivedAt?.getTime() ?? at)) <= HISTORY_DAYS * 86_400_000,
          );
          const result = triage({ message, language }, { recentInquiries }, config);
          history.push({
            fingerprint: result.fingerprint,
            sender: message.from?.address,
            receivedAt: message.date,
          });
          await print({
            file: source,
            verdict: result.verdict,
            scores: result.scores,
            tier: result.tier,
            language,
            signals: result.signals.map(({ id, class: signalClass, weight, detail }) => ({
              id,
              class: signalClass,
              weight,
              detail,
            })),
          });
        }
      } catch (error) {
        if (!(error instanceof MessageSourceError)) throw error;
        failures += 1;
        await print({ file: error.path, error: error.problem });
        continue;
      }
      if (found === 0) io.stderr.write(`inquiry triage: ${path}: no messages found\n`);
    }
    return failures > 0 ? 1 : 0;
  },
};
