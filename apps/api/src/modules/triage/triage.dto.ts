import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { VERDICTS } from '../../database/entities';

/** Exactly one of the three fields: one inquiry, one mailbox's inquiries, or every inquiry. */
export class CreateTriageRunDto {
  @ApiPropertyOptional({ example: 42 })
  @IsOptional()
  @IsInt()
  @Min(1)
  inquiryId?: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  mailboxId?: number;

  @ApiPropertyOptional({ enum: [true] })
  @IsOptional()
  @Equals(true, { message: 'all must be true when given' })
  all?: true;
}

export class TriageRunFailureDto {
  @ApiProperty()
  inquiryId!: number;

  @ApiProperty({ example: 'raw message missing from the blob store' })
  reason!: string;
}

export class TriageRunDto {
  @ApiProperty({ description: 'Inquiries triaged again' })
  examined!: number;

  @ApiProperty({
    description: "Inquiries whose triage verdict changed (a rep's override stays in force)",
  })
  changed!: number;

  @ApiProperty({
    description: 'Changed verdicts by `from->to`',
    example: { 'spam->clean': 2 },
    additionalProperties: { type: 'integer' },
  })
  transitions!: Record<string, number>;

  @ApiProperty({
    type: [TriageRunFailureDto],
    description: 'Inquiries whose raw message could not be read',
  })
  failed!: TriageRunFailureDto[];
}

export const LABEL_FORMATS = ['ndjson', 'mbox'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export class ExportLabelsQueryDto {
  @ApiPropertyOptional({ enum: LABEL_FORMATS, default: 'ndjson' })
  @IsOptional()
  @IsIn(LABEL_FORMATS)
  format?: LabelFormat;
}

/** One NDJSON line of `GET /triage/labels`. */
export class LabelledInquiryDto {
  @ApiProperty()
  inquiryId!: number;

  @ApiProperty({ description: 'Stored message id' })
  messageId!: number;

  @ApiProperty({ example: '/api/messages/7/raw' })
  rawUrl!: string;

  @ApiProperty()
  rawSha256!: string;

  @ApiProperty({ enum: VERDICTS, description: "The rep's verdict" })
  label!: string;

  @ApiProperty({ enum: VERDICTS, nullable: true, description: "Triage's own verdict" })
  machineVerdict!: string | null;

  @ApiProperty({ nullable: true, example: { spam: 12, scam: 80, spy: 3 } })
  scores!: { spam: number; scam: number; spy: number } | null;

  @ApiProperty({ nullable: true })
  language!: string | null;

  @ApiProperty()
  overriddenBy!: string | null;

  @ApiProperty()
  overriddenAt!: Date | null;

  @ApiProperty({ description: 'Signals as stored: id, class, weight, detail' })
  signals!: Array<{ id: string; class: string; weight: number; detail: string }>;
}
