import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORBIDDEN_CATEGORIES, SUPPORTED_LOCALES } from '@inquiry/templates';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  DRAFT_KINDS,
  DRAFT_STATUSES,
  type DraftKind,
  type DraftStatus,
} from '../../database/entities';
import { IsOptionalNotNull } from '../../common/validation';

export class ProposeDraftDto {
  @ApiPropertyOptional({
    example: 'request-details',
    description: 'A template id; omitted, the template is chosen from the tier and content',
  })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  templateId?: string;

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    description: "Omitted, the buyer's language (English when unknown)",
  })
  @IsOptionalNotNull()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;

  @ApiPropertyOptional({
    type: Object,
    example: { product: 'LED Panel 600x600 40W', quantity: 2000 },
    description: 'Values for the template variables, over the ones read from the inquiry',
  })
  @IsOptionalNotNull()
  @IsObject()
  variables?: Record<string, string | number>;
}

export class UpdateDraftDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text?: string;

  @ApiPropertyOptional({
    enum: SUPPORTED_LOCALES,
    description: 'Switching language re-renders the template, replacing subject and text',
  })
  @IsOptionalNotNull()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}

export class ApproveDraftDto {
  @ApiPropertyOptional({
    description:
      'Required to approve a draft with flagged phrases: why it is sent anyway. Recorded with who and when.',
  })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  overrideReason?: string;

  @ApiPropertyOptional({
    example: 'ana.compras@gmail.example',
    description:
      'Required when the draft warns about a suspicious Reply-To: every address in `recipients` and no other, comma-separated, in any order and case. Recorded with who and when.',
  })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  confirmRecipient?: string;
}

export class ForbiddenPhraseHitDto {
  @ApiProperty({ example: 'impossible' }) phrase!: string;
  @ApiProperty({ enum: FORBIDDEN_CATEGORIES }) category!: string;
  @ApiProperty({ description: 'What to write instead' }) suggestion!: string;
  @ApiProperty({ description: 'The text as written in the draft' }) match!: string;
  @ApiProperty({ description: 'Offset of the match in subject + blank line + text' })
  index!: number;
  @ApiProperty() locale!: string;
}

export class DraftAttachmentDto {
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() size!: number;
}

export class OverrideDto {
  @ApiProperty() by!: string;
  @ApiProperty() at!: Date;
  @ApiProperty() reason!: string;
}

export class RecipientDto {
  @ApiProperty() address!: string;
  @ApiProperty() name!: string;
}

export class RecipientWarningDto {
  @ApiProperty({ enum: ['reply-to-mismatch'] }) code!: 'reply-to-mismatch';
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'What triage saw' }) detail!: string;
}

export class RecipientConfirmationDto {
  @ApiProperty({ description: 'The addresses confirmed' }) recipients!: string;
  @ApiProperty() by!: string;
  @ApiProperty() at!: Date;
}

export class TemplateChoiceDto {
  @ApiProperty() templateId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['sample-offer'] }) next!: string | null;
}

export class DraftResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() inquiryId!: number;
  @ApiProperty({ enum: DRAFT_KINDS }) kind!: DraftKind;
  @ApiProperty() templateId!: string;
  @ApiProperty({ example: 'es' }) locale!: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) dir!: 'ltr' | 'rtl';
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [DraftAttachmentDto] }) attachments!: DraftAttachmentDto[];
  @ApiProperty({ type: [ForbiddenPhraseHitDto], description: 'Empty when the draft is clean' })
  flags!: ForbiddenPhraseHitDto[];
  @ApiProperty({
    type: [RecipientDto],
    description:
      "Where the reply goes: the buyer's Reply-To when the message has one, else the sender",
  })
  recipients!: RecipientDto[];
  @ApiProperty({ enum: ['reply-to', 'from'] }) recipientSource!: 'reply-to' | 'from';
  @ApiProperty({
    type: [RecipientWarningDto],
    description:
      'A Reply-To that triage flags as a scam signal: approving needs `confirmRecipient`, sending needs that confirmation',
  })
  warnings!: RecipientWarningDto[];
  @ApiProperty({ type: RecipientConfirmationDto, nullable: true })
  recipientConfirmation!: RecipientConfirmationDto | null;
  @ApiProperty({ enum: DRAFT_STATUSES }) status!: DraftStatus;
  @ApiProperty({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) approvedAt!: Date | null;
  @ApiProperty({ type: OverrideDto, nullable: true }) override!: OverrideDto | null;
  @ApiProperty({ type: Number, nullable: true }) quoteId!: number | null;
  @ApiProperty({ type: Number, nullable: true }) sampleOfferId!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ type: TemplateChoiceDto, description: 'Why this template was chosen' })
  choice?: TemplateChoiceDto;
}

export class SenderProfileDto {
  @ApiProperty({ example: 'Chen Jing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: 'Export Sales Manager' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Ningbo Brightway Lighting Co., Ltd.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  company!: string;

  @ApiProperty({ example: '+86 574 8765 4321' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  phone!: string;

  @ApiProperty({ example: 'chen.jing@brightway-lighting.com' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'www.brightway-lighting.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  website!: string;

  @ApiProperty({ type: [String], example: ['No. 88 Jiangnan Road', 'Ningbo 315000, China'] })
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  addressLines!: string[];
}

export class SenderProfileResponseDto extends SenderProfileDto {
  @ApiProperty({ description: 'The rep (API token name) this signature belongs to' })
  rep!: string;
}
