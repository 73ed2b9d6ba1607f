import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { INCOTERMS_2020, SUPPORTED_LOCALES } from '@inquiry/templates';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTradeCurrency } from './trade-currency';

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A year: later than that a quote has long expired and a chase would only annoy. */
const MAX_FOLLOW_UP_DAYS = 365;
const INCOTERM_CODES = Object.keys(INCOTERMS_2020);

export class PriceBreakDto {
  @ApiProperty({ example: 1000, description: 'This unit price applies from this quantity up' })
  @IsInt()
  @Min(1)
  minQuantity!: number;

  @ApiProperty({
    example: '11.85',
    description: 'Decimal text in the quote currency (exact; never a float)',
  })
  @IsString()
  @Matches(DECIMAL, { message: 'unitPrice must be a decimal number as text, e.g. "11.85"' })
  unitPrice!: string;
}

export class QuoteLineDto {
  @ApiProperty({ example: 'LED Panel 600x600 40W' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  product!: string;

  @ApiProperty({ example: 'BW-P6060-40' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  model!: string;

  @ApiProperty({ type: [String], example: ['4000K', 'CRI>80', 'CE/RoHS'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  specs!: string[];

  @ApiProperty({ example: 2000 })
  @IsInt()
  @Min(1)
  quantity!: number;

  @ApiProperty({ example: 500 })
  @IsInt()
  @Min(1)
  moq!: number;

  @ApiProperty({ example: '9405.42' })
  @IsString()
  @Matches(/^\d{4}\.?\d{2}(\.?\d{2}){0,2}$/, {
    message: 'hsCode must be an HS code of 6 to 10 digits, e.g. 9405.42',
  })
  hsCode!: string;

  @ApiProperty({ type: [PriceBreakDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PriceBreakDto)
  priceBreaks!: PriceBreakDto[];
}

export class IncotermDto {
  @ApiProperty({ enum: INCOTERM_CODES, description: 'Incoterms 2020' })
  @IsIn(INCOTERM_CODES, {
    message: `code must be an Incoterms 2020 rule: ${INCOTERM_CODES.join(', ')}`,
  })
  code!: string;

  @ApiProperty({ example: 'Ningbo', description: 'The named place or port' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  namedPlace!: string;
}

export class LeadTimeDto {
  @ApiProperty({ example: 25 })
  @IsInt()
  @Min(0)
  min!: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(0)
  max!: number;
}

export class CreateQuoteDto {
  @ApiProperty({
    example: 'USD',
    description: 'ISO 4217 code of a currency in circulation (any case; stored in capitals)',
  })
  @IsTradeCurrency()
  currency!: string;

  @ApiPropertyOptional({
    description:
      "Defaults to the buyer's name from the inquiry; required when the inquiry gives none",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  buyerName?: string;

  @ApiPropertyOptional({
    description:
      "Defaults to the buyer's company as known from the inquiry's contact; required when the contact has none",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  buyerCompany?: string;

  @ApiProperty({ type: [QuoteLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines!: QuoteLineDto[];

  @ApiProperty({ type: IncotermDto })
  @ValidateNested()
  @Type(() => IncotermDto)
  incoterm!: IncotermDto;

  @ApiProperty({ example: 'Ningbo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  portOfLoading!: string;

  @ApiProperty({ example: 'T/T 30% deposit, 70% against copy of B/L' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  paymentTerms!: string;

  @ApiProperty({ example: '10 pcs per carton, 1x20ft container' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  packing!: string;

  @ApiProperty({ type: LeadTimeDto, description: 'Days from deposit to shipment' })
  @ValidateNested()
  @Type(() => LeadTimeDto)
  leadTimeDays!: LeadTimeDto;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Defaults to today in timeZone' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'issuedOn must be a YYYY-MM-DD date' })
  issuedOn?: string;

  @ApiProperty({
    example: '2026-04-01',
    description: 'Valid through the end of this day in timeZone',
  })
  @Matches(CALENDAR_DATE, { message: 'validUntil must be a YYYY-MM-DD date' })
  validUntil!: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: "The seller's IANA time zone" })
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
  timeZone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "Defaults to the buyer's language" })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [3, 7, 14],
    description:
      'Chase after these many days (1 to 365, rising, at most 6); omitted, FOLLOW_UP_DAYS (3, 7, 14 by default)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_FOLLOW_UP_DAYS, {
    each: true,
    message: `followUpDays must each be at most ${MAX_FOLLOW_UP_DAYS}: a chase more than a year after the quote comes too late`,
  })
  followUpDays?: number[];
}

export class ReviseQuoteDto extends PartialType(OmitType(CreateQuoteDto, ['currency'] as const)) {
  @ApiProperty({ example: 'Buyer asked for CIF Valencia' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class QuoteLocaleQueryDto {
  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "Defaults to the quote's language" })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}

export class CreateQuoteDraftDto extends QuoteLocaleQueryDto {}

export class PricedLineDto extends QuoteLineDto {
  @ApiProperty({ example: '11.85', description: 'The price break that applies to the quantity' })
  unitPrice!: string;
  @ApiProperty({ example: '23700.00' }) amount!: string;
}

export class BuyerDto {
  @ApiProperty() name!: string;
  @ApiProperty() company!: string;
}

export class QuoteResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() inquiryId!: number;
  @ApiProperty({ example: 'Q-2026-0007' }) number!: string;
  @ApiProperty({ description: '0 for the first issue' }) revision!: number;
  @ApiProperty({ type: Number, nullable: true }) supersedesId!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The revision that replaced this one' })
  supersededById!: number | null;
  @ApiProperty({ type: String, nullable: true }) revisionReason!: string | null;
  @ApiProperty() currency!: string;
  @ApiProperty({ type: BuyerDto }) buyer!: BuyerDto;
  @ApiProperty({ type: [PricedLineDto] }) lines!: PricedLineDto[];
  @ApiProperty({ example: '23700.00', description: 'Sum of the rounded line amounts' })
  total!: string;
  @ApiProperty({ type: IncotermDto }) incoterm!: IncotermDto;
  @ApiProperty() portOfLoading!: string;
  @ApiProperty() paymentTerms!: string;
  @ApiProperty() packing!: string;
  @ApiProperty({ type: LeadTimeDto }) leadTimeDays!: LeadTimeDto;
  @ApiProperty() issuedOn!: string;
  @ApiProperty() validUntil!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({
    description: "Past the validity date in the quote's time zone, computed when read",
  })
  expired!: boolean;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty() locale!: string;
  @ApiProperty({ type: [Number] }) followUpDays!: number[];
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}
