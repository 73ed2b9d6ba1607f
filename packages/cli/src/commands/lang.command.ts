import {
  detectLanguage,
  isTradeLanguage,
  TRADE_LANGUAGES,
  type TradeLanguage,
} from '@inquiry/lang';
import type { Command } from '../command';
import { UsageError } from '../command';
import { readAll, readLines } from '../lines';
import { Output } from '../output';

const USAGE = `Usage: inquiry lang [--json] [--whole] [--candidates en,es,...] [TEXT...]

Prints the ISO 639-1 code of each text's language (or 'und' when a text has no words to
judge), one per line, in order. The texts are the TEXT arguments if given; otherwise UTF-8
standard input, one text per line (lines end with LF or CRLF).
  --whole             judge all of standard input as one text, e.g. a message body; a text
                      of several paragraphs (separated by blank lines) is judged paragraph by
                      paragraph, and --json lists the other languages found in 'others'
  --json              print the full result per text: language, confidence, runner-up, others, script
  --candidates LIST   choose only among these languages (default: ${TRADE_LANGUAGES.join(',')})
  --                  everything after it is TEXT, even if it starts with '-'`;

interface Options {
  json: boolean;
  whole: boolean;
  candidates: readonly TradeLanguage[];
  texts: string[];
}

function parseCandidates(value: string): TradeLanguage[] {
  const codes = value
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  const unknown = codes.filter((code) => !isTradeLanguage(code));
  if (codes.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--candidates takes comma-separated codes from ${TRADE_LANGUAGES.join(',')}; got '${value}'`,
    );
  }
  return codes.filter(isTradeLanguage);
}

function parseArgs(args: string[]): Options {
  const options: Options = { json: false, whole: false, candidates: TRADE_LANGUAGES, texts: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      options.texts.push(...args.slice(i + 1));
      break;
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '--whole') {
      options.whole = true;
    } else if (arg === '--candidates' || arg.startsWith('--candidates=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[(i += 1)];
      if (value === undefined) throw new UsageError('--candidates needs a value');
      options.candidates = parseCandidates(value);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'. Run 'inquiry lang --help'.`);
    } else {
      options.texts.push(arg);
    }
  }
  if (options.whole && options.texts.length > 0)
    throw new UsageError('--whole reads standard input; each TEXT argument is already one text');
  return options;
}

async function* texts(options: Options, io: Parameters<Command['run']>[1]): AsyncGenerator<string> {
  if (options.texts.length > 0) yield* options.texts;
  else if (options.whole) yield (await readAll(io.stdin)).toString('utf8');
  else yield* readLines(io.stdin);
}

export const langCommand: Command = {
  summary: 'detect the language of each text (argument or line of standard input)',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const out = new Output(io.stdout);
    for await (const text of texts(options, io)) {
      const result = detectLanguage(text, { candidates: options.candidates });
      await out.write(options.json ? `${JSON.stringify(result)}\n` : `${result.language}\n`);
    }
    return 0;
  },
};
