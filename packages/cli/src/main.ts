import type { CliIo, Command } from './command';
import { UsageError } from './command';

// Commands load lazily so `inquiry lang` does not pay for the database stack `import` needs.
const commands: Record<string, () => Promise<Command>> = {
  lang: async () => (await import('./commands/lang.command')).langCommand,
  triage: async () => (await import('./commands/triage.command')).triageCommand,
  import: async () => (await import('./commands/import.command')).importCommand,
  token: async () => (await import('./commands/token.command')).tokenCommand,
};

async function help(io: CliIo): Promise<void> {
  io.stdout.write('Usage: inquiry <command> [options]\n\nCommands:\n');
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    io.stdout.write(`  ${name.padEnd(8)} ${command.summary}\n`);
  }
}

export async function main(
  argv: string[],
  io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`inquiry: unknown command '${name}'. Run 'inquiry --help' for the list.\n`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`inquiry ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
