import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  isISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import {
  INQUIRY_STATUSES,
  type InquiryStatus,
  type Tier,
  TIERS,
  type Verdict,
  VERDICTS,
} from '../../database/entities';

/** The assignee filter's word for "unassigned", which is therefore no rep's name. */
export const UNASSIGNED = 'none';

/**
 * A query date as a Date when it is a real ISO 8601 date, else the text as sent for the check
 * to refuse: `new Date` reads `2026-02-30` as 2 March and `1` as the year 2001.
 */
function isoDate({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && isISO8601(value, { strict: true, strictSeparator: true })
    ? new Date(value)
    : value;
}

/** A reversed range would list nothing without saying why. */
function IsLaterThanFrom(): PropertyDecorator {
  return ValidateBy({
    name: 'isLaterThanFrom',
    validator: {
      validate: (to: unknown, args?: ValidationArguments): boolean => {
        const { from } = args?.object as { from?: unknown };
        return !(from instanceof Date && to instanceof Date) || to > from;
      },
      defaultMessage: () => 'to must be later than from',
    },
  });
}

export const INQUIRY_SORTS = ['-receivedAt', 'receivedAt', 'slaDueAt', '-slaDueAt'] as const;
export type InquirySort = (typeof INQUIRY_SORTS)[number];

export class ListInquiriesQueryDto {
  @ApiPropertyOptional({ enum: INQUIRY_STATUSES })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;

  @ApiPropertyOptional({
    enum: VERDICTS,
    description: "The rep's override when there is one, else triage's verdict",
  })
  @IsOptional()
  @IsIn(VERDICTS)
  verdict?: Verdict;

  @ApiPropertyOptional({ enum: TIERS, description: 'The tier as shown, after any override' })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ example: 'es', description: 'ISO 639-1, or und' })
  @IsOptional()
  @Matches(/^([a-z]{2}|und)$/, {
    message: 'language must be an ISO 639-1 code (two lower-case letters) or und',
  })
  language?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  mailboxId?: number;

  @ApiPropertyOptional({
    description: `Assignee name; \`${UNASSIGNED}\` lists unassigned inquiries`,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assignee?: string;

  @ApiPropertyOptional({ description: 'Text search in subject, sender and body' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: 'Received at or after (ISO 8601)',
    example: '2026-01-01T00:00:00Z',
  })
  @IsOptional()
  @Transform(isoDate)
  @IsDate({ message: 'from must be an ISO 8601 date' })
  from?: Date;

  @ApiPropertyOptional({ description: 'Received before (ISO 8601); later than from' })
  @IsOptional()
  @Transform(isoDate)
  @IsDate({ message: 'to must be an ISO 8601 date' })
  @IsLaterThanFrom()
  to?: Date;

  @ApiPropertyOptional({
    enum: INQUIRY_SORTS,
    default: '-receivedAt',
    description: '`-` sorts descending',
  })
  @IsOptional()
  @IsIn(INQUIRY_SORTS)
  sort?: InquirySort;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class AddressDto {
  @ApiProperty() address!: string;
  @ApiProperty() name!: string;
}

export class InquirySummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: INQUIRY_STATUSES }) status!: InquiryStatus;
  @ApiProperty({ type: String, nullable: true }) assignee!: string | null;
  @ApiProperty({
    enum: VERDICTS,
    nullable: true,
    description: 'Effective verdict (override first)',
  })
  verdict!: Verdict | null;
  @ApiProperty({ enum: VERDICTS, nullable: true, description: 'Verdict computed by triage' })
  triageVerdict!: Verdict | null;
  @ApiProperty({ type: Object, nullable: true, example: { spam: 3, scam: 0, spy: 0 } })
  scores!: { spam: number; scam: number; spy: number } | null;
  @ApiProperty({
    enum: TIERS,
    nullable: true,
    description: "Triage's tier, or D when overridden to spam, scam or spy, C when to clean from D",
  })
  tier!: Tier | null;
  @ApiProperty({ type: String, nullable: true }) language!: string | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: "Triage's reply deadline; none when the tier (after any override) is D",
  })
  slaDueAt!: Date | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ type: Number, nullable: true }) mailboxId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) threadId!: number | null;
  @ApiProperty() messageId!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: AddressDto, nullable: true }) from!: AddressDto | null;
  @ApiProperty({ description: 'Start of the body text' }) snippet!: string;
}

export class InquiryPageDto {
  @ApiProperty({ type: [InquirySummaryDto] }) items!: InquirySummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null at the end',
  })
  nextCursor!: string | null;
}

export class SignalDto {
  @ApiProperty({ example: 'scam.payment-change' }) id!: string;
  @ApiProperty({ example: 'scam' }) class!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ example: 'phrase "new bank account"' }) detail!: string;
  @ApiProperty({ type: Object, nullable: true, example: { en: '...', zh: '...' } })
  explanation!: { en: string; zh: string } | null;
}

export class AttachmentDto {
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'Download at /api/messages/{id}/attachments/{sha256}' })
  sha256!: string;
  @ApiProperty() inline!: boolean;
}

export class ThreadMessageDto {
  @ApiProperty() id!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: AddressDto, nullable: true }) from!: AddressDto | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty({ description: 'Sent from one of our mailboxes' }) outgoing!: boolean;
  @ApiProperty() text!: string;
}

export class ContactDto {
  @ApiProperty() id!: number;
  @ApiProperty() address!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) company!: string | null;
  @ApiProperty({ type: String, nullable: true }) country!: string | null;
}

export class VerdictOverrideDto {
  @ApiProperty({ enum: VERDICTS }) verdict!: Verdict;
  @ApiProperty() by!: string;
  @ApiProperty() at!: Date;
}

export class InquiryDetailDto extends InquirySummaryDto {
  @ApiProperty({ type: [AddressDto] }) to!: AddressDto[];
  @ApiProperty({ type: [AddressDto] }) cc!: AddressDto[];
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Sanitised HTML, safe to display' }) html!: string;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiProperty({ type: [SignalDto] }) signals!: SignalDto[];
  @ApiProperty({ type: VerdictOverrideDto, nullable: true })
  verdictOverride!: VerdictOverrideDto | null;
  @ApiProperty({ type: ContactDto, nullable: true }) contact!: ContactDto | null;
  @ApiProperty({ type: [ThreadMessageDto], description: 'The whole conversation, oldest first' })
  thread!: ThreadMessageDto[];
  @ApiProperty({ type: Object, isArray: true, description: 'Parts that did not decode cleanly' })
  decodeProblems!: Array<{ part: string; reason: string }>;
}

export class AssignInquiryDto {
  @ApiProperty({ type: String, nullable: true, description: 'Rep name; null unassigns' })
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(new RegExp(`^(?!${UNASSIGNED}$)`, 'i'), {
    message: `assignee must not be "${UNASSIGNED}", the filter's word for unassigned; null unassigns`,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  assignee!: string | null;
}

export class ChangeInquiryStatusDto {
  @ApiProperty({ enum: INQUIRY_STATUSES })
  @IsIn(INQUIRY_STATUSES)
  status!: InquiryStatus;
}

export class OverrideVerdictDto {
  @ApiProperty({ enum: VERDICTS, nullable: true, description: 'null withdraws the override' })
  @ValidateIf((_object, value) => value !== null)
  @IsIn(VERDICTS)
  verdict!: Verdict | null;
}
