import { createInterface } from 'node:readline';
import {
  detectLanguage,
  isTradeLanguage,
  TRADE_LANGUAGES,
  type TradeLanguage,
} from '@inquiry/lang';
import type { Command } from '../command';
import { UsageError } from '../command';

const USAGE = `Usage: inquiry lang [--json] [--candidates en,es,...]

Reads UTF-8 text on standard input, one text per line, and prints the ISO 639-1 code of each
line's language (or 'und' when a line has no words to judge), one per line, in order.
  --json              print the full result per line: language, confidence, runner-up, others, script
  --candidates LIST   choose only among these languages (default: ${TRADE_LANGUAGES.join(',')})`;

interface Options {
  json: boolean;
  candidates: readonly TradeLanguage[];
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
  const options: Options = { json: false, candidates: TRADE_LANGUAGES };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      options.json = true;
    } else if (arg === '--candidates' || arg.startsWith('--candidates=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[(i += 1)];
      if (value === undefined) throw new UsageError('--candidates needs a value');
      options.candidates = parseCandidates(value);
    } else {
      throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

export const langCommand: Command = {
  summary: 'detect the language of each line on standard input',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const result = detectLanguage(line, { candidates: options.candidates });
      io.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${result.language}\n`);
    }
    return 0;
  },
};
