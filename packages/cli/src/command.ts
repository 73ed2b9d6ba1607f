import type { Readable, Writable } from 'node:stream';

/** Streams a command reads and writes, so commands are testable without a process. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface Command {
  summary: string;
  usage: string;
  /** Returns the process exit code. Errors the user can fix are printed, not thrown. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** An error the user can fix (a bad path, a bad flag): printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * A problem with the environment the command runs in (an unreachable database, a folder it
 * may not write): printed as one line naming the setting or file, exit code 1.
 */
export class EnvironmentError extends Error {}
