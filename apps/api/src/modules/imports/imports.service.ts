import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
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
    const absolute = resolve(this.config.importRoot, path);
    let real: string;
    try {
      real = await realpath(absolute);
    } catch {
      throw new DomainError(
        ErrorCode.ImportSourceNotFound,
        `${path}: no such file or folder on the server`,
        [{ field: 'path', reason: 'no such file or folder on the server' }],
      );
    }
    const root = await realpath(this.config.importRoot);
    const inside = relative(root, real);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new DomainError(
        ErrorCode.ImportSourceForbidden,
        `${path}: outside the import directory`,
        [{ field: 'path', reason: `must be inside the import directory (IMPORT_ROOT=${root})` }],
      );
    }
    return this.importPath(real);
  }

  /** Every message of an .eml file, an mbox, or a folder of them, through the ingest pipeline. */
  async importPath(path: string, options: ImportOptions = {}): Promise<ImportReport> {
    const report: ImportReport = {
      messages: 0,
      stored: 0,
      duplicates: 0,
      inquiries: 0,
      quarantined: [],
    };
    try {
      for await (const { source, raw } of readMessageSources(path)) {
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
}
