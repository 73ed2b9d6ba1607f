import { existsSync } from 'node:fs';
import {
  type AppConfig,
  type CliContextOptions,
  ConfigError,
  createCliContext,
  loadConfig,
  SecretBoxError,
  type ServiceContext,
  type ServiceWarningSink,
} from '@inquiry/api';
import type { CliIo } from './command';
import { EnvironmentError, UsageError } from './command';
import { describeDatabase, explainEnvironmentError } from './environment-errors';
import { OutputError } from './output';

export type ContextFactory = (
  env: Record<string, string | undefined>,
  options: CliContextOptions,
) => Promise<ServiceContext>;

export interface ServiceContextUse {
  /** The command's name, for the prefix of the service's warnings. */
  command: string;
  io: CliIo;
  env?: Record<string, string | undefined>;
  /**
   * For commands that only read or change what is stored: a SQLite file that does not exist
   * means the command runs from the wrong folder or with the wrong DB_URL, so it is refused
   * instead of creating an empty database.
   */
  needsExistingDatabase?: boolean;
  openContext?: ContextFactory;
}

const invalidConfiguration = (error: ConfigError) =>
  new UsageError(`invalid configuration: ${error.problems.join('; ')}`);

function configFrom(env: Record<string, string | undefined>): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    throw error instanceof ConfigError ? invalidConfiguration(error) : error;
  }
}

function explained(error: unknown, config: AppConfig): unknown {
  if (error instanceof UsageError || error instanceof OutputError) return error;
  if (error instanceof ConfigError) return invalidConfiguration(error);
  if (error instanceof SecretBoxError)
    return new EnvironmentError(`secret key file (SECRET_KEY_FILE) ${error.message}`);
  const line = explainEnvironmentError(error, config);
  return line === undefined ? error : new EnvironmentError(line);
}

/**
 * Runs `work` in the service's context (database, blobs, secrets) and closes it after. A bad
 * setting is a usage error naming the variable; a database or folder the command cannot use is
 * one line naming it and the problem. Standard error says which database was used, so a token
 * created against the wrong one is noticed at once.
 */
export async function withServiceContext<T>(
  use: ServiceContextUse,
  work: (context: ServiceContext) => Promise<T>,
): Promise<T> {
  const { io, env = process.env, openContext = createCliContext } = use;
  const config = configFrom(env);
  const { database } = config;
  const newSqliteFile =
    database.type === 'sqlite' && database.path !== ':memory:' && !existsSync(database.path);
  if (newSqliteFile && use.needsExistingDatabase) {
    throw new EnvironmentError(
      `database ${describeDatabase(database)}: does not exist; run from the folder the service runs in or set DB_URL`,
    );
  }
  const warn: ServiceWarningSink = (message) => {
    io.stderr.write(`inquiry ${use.command}: warning: ${message}\n`);
  };
  let context: ServiceContext;
  try {
    context = await openContext(env, { warn });
  } catch (error) {
    throw explained(error, config);
  }
  io.stderr.write(
    newSqliteFile
      ? `created a new database at ${describeDatabase(database)}\n`
      : `using database ${describeDatabase(database)}\n`,
  );
  try {
    return await work(context);
  } catch (error) {
    throw explained(error, config);
  } finally {
    await context.close().catch(() => undefined);
  }
}
