import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { SUPPORTED_LOCALES } from '@inquiry/templates';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../database/entities';

export const FOLLOW_UP_URGENCIES = ['upcoming', 'due', 'overdue'] as const;
export type FollowUpUrgency = (typeof FOLLOW_UP_URGENCIES)[number];

export class ListFollowUpsQueryDto {
  @ApiPropertyOptional({ description: 'The rep; defaults to the caller. `all` lists every rep.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  rep?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    default: 0,
    description: 'Also list follow-ups falling due within this many days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  aheadDays?: number;
}

export class FollowUpResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() quoteId!: number;
  @ApiProperty({ example: 'Q-2026-0007' }) quoteNumber!: string;
  @ApiProperty() inquiryId!: number;
  @ApiProperty() rep!: string;
  @ApiProperty({ description: '1 for the first chase after the quote' }) step!: number;
  @ApiProperty() dueAt!: Date;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty({
    enum: FOLLOW_UP_URGENCIES,
    description: 'overdue: due more than a day ago and still pending',
  })
  urgency!: FollowUpUrgency;
  @ApiProperty({ example: '2026-12-31', description: "The quote's validity date" })
  quoteValidUntil!: string;
  @ApiProperty({
    description: 'The quote is past its validity date: revise it before chasing',
  })
  quoteExpired!: boolean;
  @ApiProperty({ type: String, nullable: true }) cancelledReason!: string | null;
}

export class FollowUpListDto {
  @ApiProperty({ type: [FollowUpResponseDto] }) items!: FollowUpResponseDto[];
}

export class FollowUpDraftDto {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "Omitted, the quote's language" })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}
