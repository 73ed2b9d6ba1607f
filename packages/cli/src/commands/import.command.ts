import { DomainError, ImportsService } from '@inquiry/api';
import type { Command } from '../command';
import { UsageError } from '../command';
import { Output } from '../output';
import { type ContextFactory, withServiceContext } from '../service-context.opener';

const USAGE = `Usage: inquiry import PATH...

Stores every message of each PATH (an .eml file, an mbox file such as a Gmail Takeout or
Thunderbird export, or a folder searched recursively for both) in the service's database,
through the same pipeline as IMAP sync: deduplicated, threaded, triaged into inquiries.
Importing the same file again adds nothing. Messages that cannot be parsed are quarantined
with the reason and listed. Standard output has one summary line per PATH; standard error
says which database was used (DB_URL, default sqlite:./data/inquiry.sqlite from the current
folder) and lists the quarantined messages.`;

export function createImportCommand(openContext?: ContextFactory): Command {
  return {
    summary: 'import .eml files, folders and mbox files as inquiries',
    usage: USAGE,
    async run(args, io) {
      const unknown = args.find((arg) => arg.startsWith('-'));
      if (unknown)
        throw new UsageError(`unknown option '${unknown}'. Run 'inquiry import --help'.`);
      if (args.length === 0) throw new UsageError("no PATH given. Run 'inquiry import --help'.");
      const out = new Output(io.stdout);
      const use = { command: 'import', io, openContext };
      return withServiceContext(use, async (context) => {
        const imports = context.get(ImportsService);
        let failed = false;
        for (const path of args) {
          try {
            const report = await imports.importPath(path);
            await out.write(
              `${path}: ${report.messages} messages, ${report.stored} new, ${report.duplicates} already stored, ` +
                `${report.inquiries} inquiries, ${report.quarantined.length} quarantined` +
                (report.unreadable.length > 0 ? `, ${report.unreadable.length} unreadable` : '') +
                '\n',
            );
            for (const entry of report.quarantined)
              io.stderr.write(`  quarantined ${entry.source}: ${entry.reason}\n`);
            for (const entry of report.unreadable)
              io.stderr.write(`  unreadable ${entry.source}: ${entry.reason}\n`);
            if (report.unreadable.length > 0) failed = true;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            failed = true;
            io.stderr.write(`inquiry import: ${error.message}\n`);
          }
        }
        return failed ? 1 : 0;
      });
    },
  };
}

export const importCommand = createImportCommand();
