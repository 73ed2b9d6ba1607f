import { Injectable } from '@nestjs/common';
import { parseMessage } from '@inquiry/mail';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { BlobStore } from '../../storage/blob-store';
import { InquiryTriageService, triageColumns } from '../ingest/inquiry-triage.service';
import { labelledMboxEntry } from './labelled-mbox';
import { TokenModelService } from './token-model.service';
import { TriageContextService } from './triage-context.service';
import type {
  CreateTriageRunDto,
  LabelFormat,
  LabelledInquiryDto,
  TriageRunDto,
} from './triage.dto';
import { type RunScope, TriageRepository } from './triage.repository';

/** Inquiries read and re-triaged per query: bounded memory however big the run. */
const BATCH_SIZE = 200;
const SCOPE_FIELDS = ['inquiryId', 'mailboxId', 'all'] as const;

/** The one scope a run request names; anything else is a 400 naming the offending fields. */
export function runScope(dto: CreateTriageRunDto): RunScope {
  const given = SCOPE_FIELDS.filter((field) => dto[field] !== undefined);
  if (given.length === 1) {
    if (dto.inquiryId !== undefined) return { inquiryId: dto.inquiryId };
    if (dto.mailboxId !== undefined) return { mailboxId: dto.mailboxId };
    return { all: true };
  }
  const reason = 'give exactly one of inquiryId, mailboxId or all';
  const fields = given.length === 0 ? SCOPE_FIELDS : given.slice(1);
  throw new DomainError(
    ErrorCode.ValidationFailed,
    given.length === 0 ? `${reason}; none was given` : `${reason}; got ${given.join(', ')}`,
    fields.map((field) => ({ field, reason })),
  );
}

/**
 * Re-triage after the rules, the configuration or the learned model changed, and the export
 * of the team's verdicts as labelled data.
 */
@Injectable()
export class TriageService {
  constructor(
    private readonly repository: TriageRepository,
    private readonly blobs: BlobStore,
    private readonly triage: InquiryTriageService,
    private readonly context: TriageContextService,
    private readonly models: TokenModelService,
  ) {}

  /**
   * Parses each inquiry's raw message again and stores the new triage beside any override,
   * which stays the effective verdict. Runs in id order, in batches.
   */
  async run(dto: CreateTriageRunDto): Promise<TriageRunDto> {
    const scope = runScope(dto);
    if ('inquiryId' in scope && !(await this.repository.inquiryExists(scope.inquiryId)))
      throw new DomainError(ErrorCode.InquiryNotFound, `inquiry ${scope.inquiryId} does not exist`);
    if ('mailboxId' in scope && !(await this.repository.mailboxExists(scope.mailboxId)))
      throw new DomainError(ErrorCode.MailboxNotFound, `mailbox ${scope.mailboxId} does not exist`);
    await this.models.refresh();

    const result: TriageRunDto = { examined: 0, changed: 0, transitions: {}, failed: [] };
    for (let afterId = 0; ;) {
      const batch = await this.repository.runBatch(scope, afterId, BATCH_SIZE);
      if (batch.length === 0) return result;
      for (const row of batch) {
        afterId = row.id;
        let raw: Buffer;
        try {
          raw = await this.blobs.get(row.rawSha256);
        } catch {
          result.failed.push({
            inquiryId: row.id,
            reason: 'raw message missing from the blob store',
          });
          continue;
        }
        let message;
        try {
          message = await parseMessage(raw);
        } catch (error) {
          result.failed.push({
            inquiryId: row.id,
            reason: `raw message cannot be parsed: ${error instanceof Error ? error.message : String(error)}`,
          });
          continue;
        }
        const context = await this.context.forMessage(message, row.receivedAt, row.id);
        const assessment = this.triage.assess(message, row.receivedAt, context);
        this.context.remember({
          inquiryId: row.id,
          fingerprint: assessment.fingerprint,
          sender: message.from?.address,
          receivedAt: row.receivedAt,
        });
        await this.repository.saveTriage(row.id, triageColumns(assessment, new Date()));
        result.examined += 1;
        if (assessment.verdict !== row.verdict) {
          result.changed += 1;
          const key = `${row.verdict ?? 'none'}->${assessment.verdict}`;
          result.transitions[key] = (result.transitions[key] ?? 0) + 1;
        }
      }
    }
  }

  /** Overridden inquiries one NDJSON line each, or their raw messages as a labelled mbox. */
  async *exportLabels(format: LabelFormat): AsyncGenerator<Buffer> {
    for (let afterId = 0; ;) {
      const page = await this.repository.labelledPage(afterId, BATCH_SIZE);
      if (page.length === 0) return;
      for (const inquiry of page) {
        afterId = inquiry.id;
        const label = inquiry.verdictOverride ?? 'clean';
        if (format === 'mbox') {
          const raw = await this.blobs.get(inquiry.message.rawSha256).catch(() => undefined);
          if (raw) yield labelledMboxEntry(raw, label, inquiry.id, inquiry.receivedAt);
          continue;
        }
        const line: LabelledInquiryDto = {
          inquiryId: inquiry.id,
          messageId: inquiry.message.id,
          rawUrl: `/api/messages/${inquiry.message.id}/raw`,
          rawSha256: inquiry.message.rawSha256,
          label,
          machineVerdict: inquiry.verdict,
          scores:
            inquiry.spamScore === null || inquiry.scamScore === null || inquiry.spyScore === null
              ? null
              : { spam: inquiry.spamScore, scam: inquiry.scamScore, spy: inquiry.spyScore },
          language: inquiry.language,
          overriddenBy: inquiry.verdictOverrideBy,
          overriddenAt: inquiry.verdictOverrideAt,
          signals: inquiry.signals ?? [],
        };
        yield Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
      }
    }
  }
}
