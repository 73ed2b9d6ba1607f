import {
  API_TOKEN_ROLES,
  type ApiTokenRole,
  ApiTokensService,
  DomainError,
  type TokenSummary,
} from '@inquiry/api';
import type { CliIo, Command } from '../command';
import { UsageError } from '../command';
import { Output } from '../output';
import { type ContextFactory, withServiceContext } from '../service-context.opener';

const USAGE = `Usage: inquiry token create --name NAME [--role ${API_TOKEN_ROLES.join('|')}]
       inquiry token list
       inquiry token revoke NAME

create  creates an API token and prints it on standard output. Only its hash is stored, so
        this is the one time it is shown. Use it as 'Authorization: Bearer <token>'. NAME is
        who or what the token is for; it must not be taken by another token.
list    prints one line per token: name, role, when it was created and last used (to the
        minute); never the token itself.
revoke  deletes the token called NAME; the service refuses it from the next request on.

The database is the service's (DB_URL, default sqlite:./data/inquiry.sqlite from the current
folder); standard error says which one was used. list and revoke refuse to run on a SQLite
file that does not exist.`;

type Action =
  | { action: 'create'; name: string; role: ApiTokenRole }
  | { action: 'list' }
  | { action: 'revoke'; name: string };

function checkName(name: string | undefined, hint: string): string {
  if (!name) throw new UsageError(hint);
  if (name.length > 200) throw new UsageError('NAME is longer than 200 characters');
  return name;
}

function parseCreate(rest: string[]): Action {
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
  return {
    action: 'create',
    name: checkName(name, '--name NAME is required (who or what the token is for)'),
    role,
  };
}

function parseArgs(args: string[]): Action {
  const [action, ...rest] = args;
  switch (action) {
    case 'create':
      return parseCreate(rest);
    case 'list':
      if (rest.length > 0) throw new UsageError(`list takes no arguments, got '${rest[0]}'`);
      return { action: 'list' };
    case 'revoke': {
      const names = rest[0] === '--' ? rest.slice(1) : rest;
      const option = rest[0] === '--' ? undefined : names.find((name) => name.startsWith('-'));
      if (option) throw new UsageError(`unknown option '${option}'`);
      if (names.length > 1) throw new UsageError('revoke takes one NAME');
      return { action: 'revoke', name: checkName(names[0]?.trim(), 'revoke needs the NAME') };
    }
    case undefined:
      throw new UsageError("missing action; try 'inquiry token create --name NAME'");
    default:
      throw new UsageError(`unknown action '${action}'; expected create, list or revoke`);
  }
}

/** To the minute, in UTC, so the column lines up and reads the same on every machine. */
function minute(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

function table(tokens: TokenSummary[]): string {
  const rows = [
    ['NAME', 'ROLE', 'CREATED', 'LAST USED'],
    ...tokens.map((token) => [
      token.name,
      token.role,
      minute(token.createdAt),
      minute(token.lastUsedAt),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  '),
    )
    .map((line) => `${line}\n`)
    .join('');
}

async function perform(tokens: ApiTokensService, action: Action, io: CliIo): Promise<number> {
  const out = new Output(io.stdout);
  switch (action.action) {
    case 'create': {
      let issued;
      try {
        issued = await tokens.issue(action.name, action.role);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        io.stderr.write(
          `inquiry token: ${error.message}; revoke it first ('inquiry token revoke ${action.name}') or choose another --name\n`,
        );
        return 1;
      }
      await out.write(`${issued.token}\n`);
      io.stderr.write(
        `Created token '${issued.name}' (role ${issued.role}). It is shown only now; keep it safe.\n`,
      );
      return 0;
    }
    case 'list': {
      const listed = await tokens.list();
      if (listed.length === 0) io.stderr.write('No tokens yet.\n');
      else await out.write(table(listed));
      return 0;
    }
    case 'revoke':
      if (!(await tokens.revoke(action.name))) {
        io.stderr.write(
          `inquiry token: no token is named '${action.name}' ('inquiry token list' shows the names)\n`,
        );
        return 1;
      }
      io.stderr.write(`Revoked token '${action.name}'; the service refuses it from now on.\n`);
      return 0;
  }
}

export function createTokenCommand(openContext?: ContextFactory): Command {
  return {
    summary: 'create, list and revoke API tokens',
    usage: USAGE,
    async run(args, io) {
      const action = parseArgs(args);
      return withServiceContext(
        { command: 'token', io, openContext, needsExistingDatabase: action.action !== 'create' },
        (context) => perform(context.get(ApiTokensService), action, io),
      );
    },
  };
}

export const tokenCommand = createTokenCommand();
