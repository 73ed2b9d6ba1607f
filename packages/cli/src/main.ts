import type { CliIo, Command } from './command';
import { EnvironmentError, UsageError } from './command';
import { Output, OutputError } from './output';

// Commands load lazily so `inquiry lang` does not pay for the database stack `import` needs.
const commands: Record<string, () => Promise<Command>> = {
  lang: async () => (await import('./commands/lang.command')).langCommand,
  triage: async () => (await import('./commands/triage.command')).triageCommand,
  import: async () => (await import('./commands/import.command')).importCommand,
  token: async () => (await import('./commands/token.command')).tokenCommand,
};

/** What a shell reports for a tool killed by SIGPIPE, so `set -o pipefail` sees what it would with grep. */
const READER_CLOSED_EXIT_CODE = 141;

async function help(out: Output): Promise<void> {
  await out.write('Usage: inquiry <command> [options]\n\nCommands:\n');
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    await out.write(`  ${name.padEnd(8)} ${command.summary}\n`);
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const out = new Output(io.stdout);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await help(out);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`inquiry: unknown command '${name}'. Run 'inquiry --help' for the list.\n`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    await out.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(args, io);
}

export async function main(
  argv: string[],
  io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  // A closed standard error leaves nowhere to report anything; it must not crash the command.
  io.stderr.on('error', () => undefined);
  const prefix = argv[0] !== undefined && argv[0] in commands ? `inquiry ${argv[0]}` : 'inquiry';
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof OutputError && error.readerClosed) return READER_CLOSED_EXIT_CODE;
    if (error instanceof UsageError) {
      io.stderr.write(`${prefix}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof EnvironmentError || error instanceof OutputError) {
      io.stderr.write(`${prefix}: ${error.message}\n`);
      return 1;
    }
    // A defect of ours, not the user's input: still one line, so scripts see a clean failure.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${prefix}: unexpected error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
