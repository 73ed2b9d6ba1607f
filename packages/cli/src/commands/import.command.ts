import { createCliContext, DomainError, ImportsService, type ServiceContext } from '@inquiry/api';
import type { Command } from '../command';
import { UsageError } from '../command';
import { openServiceContext } from '../service-context.opener';

const USAGE = `Usage: inquiry import PATH...

Stores every message of each PATH (an .eml file, an mbox file such as a Gmail Takeout or
Thunderbird export, or a folder searched recursively for both) in the service's database,
through the same pipeline as IMAP sync: deduplicated, threaded, triaged into inquiries.
Importing the same file again adds nothing. Messages that cannot be parsed are quarantined
with the reason and listed.`;

export function createImportCommand(openContext: () => Promise<ServiceContext>): Command {
  return {
    summary: 'import .eml files, folders and mbox files as inquiries',
    usage: USAGE,
    async run(args, io) {
      const unknown = args.find((arg) => arg.startsWith('-'));
      if (unknown)
        throw new UsageError(`unknown option '${unknown}'. Run 'inquiry import --help'.`);
      if (args.length === 0) throw new UsageError("no PATH given. Run 'inquiry import --help'.");
      const context = await openServiceContext(openContext);
      let failed = false;
      try {
        const imports = context.get(ImportsService);
        for (const path of args) {
          try {
            const report = await imports.importPath(path);
            io.stdout.write(
              `${path}: ${report.messages} messages, ${report.stored} new, ${report.duplicates} already stored, ` +
                `${report.inquiries} inquiries, ${report.quarantined.length} quarantined\n`,
            );
            for (const entry of report.quarantined)
              io.stderr.write(`  quarantined ${entry.source}: ${entry.reason}\n`);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            failed = true;
            io.stderr.write(`inquiry import: ${error.message}\n`);
          }
        }
      } finally {
        await context.close();
      }
      return failed ? 1 : 0;
    },
  };
}

export const importCommand = createImportCommand(() => createCliContext(process.env));
