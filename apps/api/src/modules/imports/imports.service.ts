import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Injectable } from '@nestjs/common';
import { MessageSourceError, readMessageSources } from '@inquiry/mail';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { MessageIngestService } from '../ingest/message-ingest.service';

export interface ImportReport {
  messages: number;
  stored: number;
  duplicates: number;
  inquiries: number;
  quarantined: Array<{ source: string; reason: string }>;
  /** Files and subfolders of a folder that could not be read; everything else was imported. */
  unreadable: Array<{ source: string; reason: string }>;
}

export interface ImportOptions {
  demo?: boolean;
  /** Shown instead of the file path in quarantine records (e.g. the name of an upload). */
  sourceLabel?: string;
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly ingest: MessageIngestService,
    private readonly config: AppConfig,
  ) {}

  /** Imports a file or folder the operator names on the server; it must lie under IMPORT_ROOT. */
  async importServerPath(path: string): Promise<ImportReport> {
    const root = await realpath(this.config.importRoot);
    // Judged on the path as written first, so a path outside says nothing of what exists there.
    if (!isWithin(root, resolve(root, path))) throw outsideImportRoot(path, root);
    let real: string;
    try {
      real = await realpath(resolve(root, path));
    } catch {
      throw new DomainError(
        ErrorCode.ImportSourceNotFound,
        `${path}: no such file or folder on the server`,
        [{ field: 'path', reason: 'no such file or folder on the server' }],
      );
    }
    // A symbolic link inside may still lead outside.
    if (!isWithin(root, real)) throw outsideImportRoot(path, root);
    return this.importPath(real);
  }

  /** Every message of an .eml file, an mbox, or a folder of them, through the ingest pipeline. */
  async importPath(path: string, options: ImportOptions = {}): Promise<ImportReport> {
    await this.refuseOwnData(path);
    const report: ImportReport = {
      messages: 0,
      stored: 0,
      duplicates: 0,
      inquiries: 0,
      quarantined: [],
      unreadable: [],
    };
    try {
      const sources = readMessageSources(path, {
        onUnreadable: (error) =>
          report.unreadable.push({ source: error.path, reason: error.problem }),
      });
      for await (const { source, raw } of sources) {
        const label = options.sourceLabel ? source.replace(path, options.sourceLabel) : source;
        const result = await this.ingest.ingestRaw(raw, {
          kind: 'import',
          source: label,
          demo: options.demo,
        });
        report.messages += 1;
        switch (result.status) {
          case 'stored':
            report.stored += 1;
            if (result.inquiryId !== null) report.inquiries += 1;
            break;
          case 'duplicate':
            report.duplicates += 1;
            break;
          case 'quarantined':
            report.quarantined.push({ source: label, reason: result.reason });
            break;
        }
      }
    } catch (error) {
      if (!(error instanceof MessageSourceError)) throw error;
      const message = options.sourceLabel
        ? error.message.replace(path, options.sourceLabel)
        : error.message;
      throw new DomainError(ErrorCode.ImportSourceUnreadable, message, [
        { field: 'path', reason: error.problem },
      ]);
    }
    return report;
  }

  /**
   * The service's own files are never read as mail: reading the live SQLite database, even
   * only opening and closing it, drops this process's locks on it (POSIX), after which writes
   * can be lost; blobs and the secret key are no inquiries either. A folder holding them is
   * refused as a whole rather than walked around, so the operator sees why.
   */
  private async refuseOwnData(path: string): Promise<void> {
    const target = await realOrResolved(path);
    const database = this.config.database.type === 'sqlite' ? this.config.database.path : undefined;
    const own = [
      ...(database ? [database, `${database}-wal`, `${database}-shm`, `${database}-journal`] : []),
      this.config.blobDir,
      this.config.secretKeyFile,
    ];
    for (const file of await Promise.all(own.map(realOrResolved))) {
      if (!isWithin(file, target) && !isWithin(target, file)) continue;
      throw new DomainError(
        ErrorCode.ImportSourceForbidden,
        `${path}: holds the service's own data (${file}), which is not mail to import`,
        [
          {
            field: 'path',
            reason: `must not be or contain the service's database, blobs or secret key (${dirname(file)})`,
          },
        ],
      );
    }
  }
}

/** Whether `path` is `folder` or lies below it (both absolute and resolved). */
function isWithin(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/** The path with its symbolic links resolved, or as written when it does not exist (yet). */
async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

function outsideImportRoot(path: string, root: string): DomainError {
  return new DomainError(ErrorCode.ImportSourceForbidden, `${path}: outside the import directory`, [
    { field: 'path', reason: `must be inside the import directory (IMPORT_ROOT=${root})` },
  ]);
}
