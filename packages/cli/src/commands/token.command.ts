import {
  API_TOKEN_ROLES,
  type ApiTokenRole,
  ApiTokensService,
  createCliContext,
  type ServiceContext,
} from '@inquiry/api';
import type { Command } from '../command';
import { UsageError } from '../command';
import { openServiceContext } from '../service-context.opener';

const USAGE = `Usage: inquiry token create --name NAME [--role ${API_TOKEN_ROLES.join('|')}]

Creates an API token and prints it on standard output. Only its hash is stored, so this is
the one time it is shown. Use it as 'Authorization: Bearer <token>'. The database is the
service's (DB_URL, default sqlite:./data/inquiry.sqlite).`;

interface Options {
  name: string;
  role: ApiTokenRole;
}

function parseArgs(args: string[]): Options {
  const [action, ...rest] = args;
  if (action !== 'create') {
    throw new UsageError(
      action === undefined
        ? "missing action; try 'inquiry token create --name NAME'"
        : `unknown action '${action}'`,
    );
  }
  let name: string | undefined;
  let role: ApiTokenRole = 'admin';
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = inline ?? rest[i + 1];
    if (flag !== '--name' && flag !== '--role') throw new UsageError(`unknown option '${arg}'`);
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value`);
    if (inline === undefined) i += 1;
    if (flag === '--name') name = value.trim();
    else if ((API_TOKEN_ROLES as readonly string[]).includes(value)) role = value as ApiTokenRole;
    else
      throw new UsageError(`--role must be one of ${API_TOKEN_ROLES.join(', ')}, got '${value}'`);
  }
  if (!name) throw new UsageError('--name NAME is required (who or what the token is for)');
  if (name.length > 200) throw new UsageError('--name is longer than 200 characters');
  return { name, role };
}

export function createTokenCommand(openContext: () => Promise<ServiceContext>): Command {
  return {
    summary: 'create an API token (printed once)',
    usage: USAGE,
    async run(args, io) {
      const options = parseArgs(args);
      const context = await openServiceContext(openContext);
      try {
        const issued = await context.get(ApiTokensService).issue(options.name, options.role);
        io.stdout.write(`${issued.token}\n`);
        io.stderr.write(
          `Created token '${issued.name}' (role ${issued.role}). It is shown only now; keep it safe.\n`,
        );
        return 0;
      } finally {
        await context.close();
      }
    },
  };
}

export const tokenCommand = createTokenCommand(() => createCliContext(process.env));
