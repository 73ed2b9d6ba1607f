import {
  type DynamicModule,
  type INestApplicationContext,
  type LoggerService,
  Module,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { AuthModule } from './modules/auth/auth.module';
import { DemoModule } from './modules/demo/demo.module';
import { ImportsModule } from './modules/imports/imports.module';
import { IngestModule } from './modules/ingest/ingest.module';

/** The service without HTTP or sync worker: what the CLI's database commands run in. */
@Module({})
export class ServiceContextModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ServiceContextModule,
      imports: [CoreModule.forRoot(config), AuthModule, IngestModule, ImportsModule, DemoModule],
    };
  }
}

/** Receives a warning of the service (`context` is the class that logged it). */
export type ServiceWarningSink = (message: string, context: string | undefined) => void;

export interface CliContextOptions {
  /** Where the service's warnings go; by default plain lines on standard error. */
  warn?: ServiceWarningSink;
}

const toStderr: ServiceWarningSink = (message, context) => {
  process.stderr.write(`${context ? `${context}: ` : ''}${message}\n`);
};

function text(message: unknown): string {
  return message instanceof Error ? message.message : String(message);
}

/** Nest passes the logging class's name last, after any stack. */
function contextOf(params: unknown[]): string | undefined {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
}

/**
 * Nest's console logger writes warnings to standard output, in colour, where they mix with a
 * command's results; a command's output must stay its own. Informational lines are dropped:
 * a command says what it did itself.
 */
class WarningLogger implements LoggerService {
  constructor(private readonly sink: ServiceWarningSink) {}

  log(): void {}

  warn(message: unknown, ...rest: unknown[]): void {
    this.sink(text(message), contextOf(rest));
  }

  error(message: unknown, ...rest: unknown[]): void {
    const context = contextOf(rest);
    // A failed boot is logged here and then thrown to the caller, who reports it once.
    if (context === 'ExceptionHandler') return;
    this.sink(text(message), context);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.error(message, ...rest);
  }
}

/**
 * Boots that context (migrating the database first). The CLI passes its process environment,
 * so `npx inquiry ...` talks to the same database as `npm start`. A failure to boot (database
 * unreachable, a folder it may not write) is thrown, never logged or turned into an exit.
 */
export async function createCliContext(
  env: Record<string, string | undefined>,
  options: CliContextOptions = {},
): Promise<INestApplicationContext> {
  const config = loadConfig(env);
  return NestFactory.createApplicationContext(ServiceContextModule.forRoot(config), {
    logger: new WarningLogger(options.warn ?? toStderr),
    abortOnError: false,
  });
}
