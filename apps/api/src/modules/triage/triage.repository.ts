import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  InquiryEntity,
  MailboxEntity,
  MessageEntity,
  type StoredSignal,
  type Tier,
  type Verdict,
} from '../../database/entities';

/** An earlier inquiry as the near-duplicate check sees it. */
export interface HistoryRow {
  inquiryId: number;
  fingerprint: string;
  sender?: string;
  receivedAt: Date;
}

/** What the token model learns from: where the raw message is, and the team's label. */
export interface TrainingRow {
  rawSha256: string;
  label: Verdict;
}

export type RunScope = { inquiryId: number } | { mailboxId: number } | { all: true };

export interface RunRow {
  id: number;
  verdict: Verdict | null;
  receivedAt: Date;
  rawSha256: string;
}

export interface TriageUpdate {
  verdict: Verdict;
  spamScore: number;
  scamScore: number;
  spyScore: number;
  tier: Tier;
  language: string | null;
  slaDueAt: Date | null;
  signals: StoredSignal[];
  fingerprint: string;
  triagedAt: Date;
}

export type LabelledInquiry = InquiryEntity & { message: MessageEntity };

/** Every query of triage history, learning, re-triage and the labelled export. */
@Injectable()
export class TriageRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get inquiries() {
    return this.dataSource.getRepository(InquiryEntity);
  }

  /** Fingerprinted inquiries received between the two dates, newest first. */
  async history(from: Date, to: Date, limit: number): Promise<HistoryRow[]> {
    const rows = await this.withMessage(
      ['inquiry.fingerprint', 'inquiry.receivedAt'],
      ['message.fromAddress'],
    )
      .where('inquiry.receivedAt BETWEEN :from AND :to', { from, to })
      .andWhere('inquiry.fingerprint IS NOT NULL')
      .orderBy('inquiry.receivedAt', 'DESC')
      .addOrderBy('inquiry.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({
      inquiryId: row.id,
      fingerprint: row.fingerprint ?? '',
      sender: row.message.fromAddress ?? undefined,
      receivedAt: row.receivedAt,
    }));
  }

  /** Message-IDs among `dedupKeys` that belong to mail we sent (unique dedup-key index). */
  async outgoingMessageIds(dedupKeys: string[]): Promise<string[]> {
    if (dedupKeys.length === 0) return [];
    const rows = await this.dataSource.getRepository(MessageEntity).find({
      select: { id: true, messageId: true },
      where: { dedupKey: In(dedupKeys), outgoing: true },
    });
    return rows.flatMap((row) => (row.messageId === null ? [] : [row.messageId]));
  }

  /**
   * Changes whenever a label is added, changed or removed: overrides are counted and dated
   * (indexed), replies counted through the status index.
   */
  async labelSignature(): Promise<string> {
    const overrides = await this.inquiries
      .createQueryBuilder('inquiry')
      .select('COUNT(*)', 'count')
      .addSelect('MAX(inquiry.verdict_override_at)', 'latest')
      .where('inquiry.verdict_override_at IS NOT NULL')
      .getRawOne<{ count: number | string; latest: string | Date | null }>();
    const replied = await this.inquiries.countBy({ status: 'replied' });
    const latest =
      overrides?.latest instanceof Date ? overrides.latest.toISOString() : overrides?.latest;
    return `${overrides?.count ?? 0}/${latest ?? '-'}/${replied}`;
  }

  /**
   * The newest labels, at most `limit` of each kind: a rep's override, else `clean` for an
   * inquiry the team answered.
   */
  async trainingRows(limit: number): Promise<TrainingRow[]> {
    const [overridden, replied] = await Promise.all([
      this.withMessage(['inquiry.verdictOverride'], ['message.rawSha256'])
        .where('inquiry.verdictOverrideAt IS NOT NULL')
        .orderBy('inquiry.verdictOverrideAt', 'DESC')
        .limit(limit)
        .getMany(),
      this.withMessage([], ['message.rawSha256'])
        .where('inquiry.status = :status', { status: 'replied' })
        .andWhere('inquiry.verdictOverride IS NULL')
        .orderBy('inquiry.receivedAt', 'DESC')
        .limit(limit)
        .getMany(),
    ]);
    return [
      ...overridden.map((row) => ({
        rawSha256: row.message.rawSha256,
        label: row.verdictOverride ?? 'clean',
      })),
      ...replied.map((row) => ({ rawSha256: row.message.rawSha256, label: 'clean' as const })),
    ];
  }

  inquiryExists(id: number): Promise<boolean> {
    return this.inquiries.existsBy({ id });
  }

  mailboxExists(id: number): Promise<boolean> {
    return this.dataSource.getRepository(MailboxEntity).existsBy({ id });
  }

  /** The next batch of a re-triage run, in id order after `afterId`. */
  async runBatch(scope: RunScope, afterId: number, size: number): Promise<RunRow[]> {
    const query = this.withMessage(
      ['inquiry.verdict', 'inquiry.receivedAt'],
      ['message.rawSha256'],
    ).where('inquiry.id > :afterId', { afterId });
    if ('inquiryId' in scope) query.andWhere('inquiry.id = :id', { id: scope.inquiryId });
    if ('mailboxId' in scope)
      query.andWhere('inquiry.mailboxId = :mailboxId', { mailboxId: scope.mailboxId });
    const rows = await query.orderBy('inquiry.id', 'ASC').limit(size).getMany();
    return rows.map((row) => ({
      id: row.id,
      verdict: row.verdict,
      receivedAt: row.receivedAt,
      rawSha256: row.message.rawSha256,
    }));
  }

  async saveTriage(id: number, update: TriageUpdate): Promise<void> {
    await this.inquiries.update({ id }, { ...update, updatedAt: update.triagedAt });
  }

  /** Overridden inquiries with their message, in id order after `afterId`. */
  labelledPage(afterId: number, size: number): Promise<LabelledInquiry[]> {
    return this.withMessage(
      [
        'inquiry.verdict',
        'inquiry.spamScore',
        'inquiry.scamScore',
        'inquiry.spyScore',
        'inquiry.language',
        'inquiry.signals',
        'inquiry.verdictOverride',
        'inquiry.verdictOverrideBy',
        'inquiry.verdictOverrideAt',
        'inquiry.receivedAt',
      ],
      ['message.rawSha256'],
    )
      .where('inquiry.verdictOverride IS NOT NULL')
      .andWhere('inquiry.id > :afterId', { afterId })
      .orderBy('inquiry.id', 'ASC')
      .limit(size)
      .getMany();
  }

  /**
   * Inquiries with the chosen columns of their message. A plain join with LIMIT: TypeORM's
   * `find` with `take` and relations wraps the query in a DISTINCT that cannot order by
   * columns outside the selection.
   */
  private withMessage(inquiryColumns: string[], messageColumns: string[]) {
    return this.inquiries
      .createQueryBuilder('inquiry')
      .innerJoin('inquiry.message', 'message')
      .select([
        'inquiry.id',
        ...inquiryColumns,
        'message.id',
        ...messageColumns,
      ]) as SelectQueryBuilder<LabelledInquiry>;
  }
}
