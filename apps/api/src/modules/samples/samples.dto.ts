import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORTED_LOCALES } from '@inquiry/templates';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTradeCurrency } from '../quotes/trade-currency';
import { DraftResponseDto } from '../drafts/drafts.dto';

const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

export class SamplePolicyDto {
  @ApiProperty({
    example: 'USD',
    description: 'ISO 4217 code of a currency in circulation (any case; stored in capitals)',
  })
  @IsTradeCurrency()
  currency!: string;

  @ApiProperty({
    example: '30.00',
    description: 'Samples worth up to this much are free; "0" disables free samples',
  })
  @IsString()
  @Matches(DECIMAL, { message: 'freeUpToValue must be a decimal number as text, e.g. "30.00"' })
  freeUpToValue!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1000,
    description:
      'Paid samples are credited on a first order of at least this quantity; null means no paid samples (catalogue instead)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  creditOnOrderOfAtLeast!: number | null;

  @ApiProperty({ description: 'Physical samples only for buyers the rep has verified' })
  @IsBoolean()
  requireVerifiedBuyer!: boolean;

  @ApiProperty({ example: 3, description: 'Working days from payment to dispatch' })
  @IsInt()
  @Min(0)
  @Max(60)
  dispatchDays!: number;
}

export class SamplePolicyResponseDto extends SamplePolicyDto {
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: Date;
}

export class SampleItemDto {
  @ApiProperty({ example: 'BW-P6060-40' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sku!: string;

  @ApiProperty({ example: 'LED Panel 600x600 40W' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;

  @ApiProperty({
    example: '42.50',
    description: 'Cost value of one sample, in the policy currency',
  })
  @IsString()
  @Matches(DECIMAL, { message: 'unitValue must be a decimal number as text, e.g. "42.50"' })
  unitValue!: string;
}

export class CourierAccountDto {
  @ApiProperty({ example: 'DHL' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  carrier!: string;

  @ApiProperty({ example: '960123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  accountNumber!: string;
}

export class CreateSampleOfferDto {
  @ApiProperty({ type: [SampleItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SampleItemDto)
  items!: SampleItemDto[];

  @ApiProperty({ description: 'The rep has checked the buyer (company, website, history)' })
  @IsBoolean()
  buyerVerified!: boolean;

  @ApiPropertyOptional({ type: CourierAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CourierAccountDto)
  buyerCourierAccount?: CourierAccountDto;

  @ApiPropertyOptional({
    description: 'The buyer refuses to pay even the freight (a warning sign)',
  })
  @IsOptional()
  @IsBoolean()
  buyerRefusesFreight?: boolean;

  @ApiPropertyOptional({ enum: SUPPORTED_LOCALES, description: "Defaults to the buyer's language" })
  @IsOptional()
  @IsIn(SUPPORTED_LOCALES)
  locale?: string;
}

export class SampleOfferDto {
  @ApiProperty() id!: number;
  @ApiProperty() inquiryId!: number;
  @ApiProperty({ enum: ['free', 'paid', 'catalogue'] }) kind!: string;
  @ApiProperty({
    enum: [
      'within-free-value',
      'above-free-value',
      'above-free-value-no-paid-samples',
      'buyer-not-verified',
      'buyer-refuses-freight',
    ],
  })
  reason!: string;
  @ApiProperty({ type: [SampleItemDto] }) items!: SampleItemDto[];
  @ApiProperty() currency!: string;
  @ApiProperty({ example: '85.00' }) sampleValue!: string;
  @ApiProperty({
    example: '85.00',
    description: 'What the buyer pays for the samples (freight apart)',
  })
  fee!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['buyer-courier-account', 'freight-collect'] })
  freightPayer!: string | null;
  @ApiProperty({ type: String, nullable: true }) courier!: string | null;
  @ApiProperty({ type: String, nullable: true }) courierAccount!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Fee credited on a first order of at least this many units',
  })
  creditOnOrderOfAtLeast!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: Date;
}

export class SampleOfferResponseDto {
  @ApiProperty({ type: SampleOfferDto }) offer!: SampleOfferDto;
  @ApiProperty({
    type: DraftResponseDto,
    description:
      'The offer mail: paid sample credited on an order, free sample with freight on the buyer, or catalogue and datasheet instead',
  })
  draft!: DraftResponseDto;
}
