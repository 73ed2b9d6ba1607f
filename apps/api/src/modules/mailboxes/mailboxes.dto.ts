import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';

export class CreateMailboxDto {
  @ApiProperty({ example: 'Sales inbox' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: 'sales@example.com',
    description: "The mailbox's own address: mail from it is ours",
  })
  @IsEmail()
  @MaxLength(320)
  address!: string;

  @ApiProperty({ example: 'imap.example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  imapHost!: string;

  @ApiProperty({ example: 993 })
  @IsInt()
  @Min(1)
  @Max(65535)
  imapPort!: number;

  @ApiPropertyOptional({
    default: true,
    description: 'TLS from the start (port 993); false uses STARTTLS when offered',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  imapSecure?: boolean;

  @ApiProperty({ example: 'sales@example.com' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  imapUser!: string;

  @ApiProperty({ writeOnly: true, description: 'Stored encrypted (AES-256-GCM); never returned' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  imapPassword!: string;

  @ApiPropertyOptional({ example: 'smtp.example.com' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  smtpHost?: string;

  @ApiPropertyOptional({ example: 465 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(65535)
  smtpPort?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  smtpSecure?: boolean;

  @ApiPropertyOptional({ example: 'sales@example.com' })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  smtpUser?: string;

  @ApiPropertyOptional({ writeOnly: true })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  smtpPassword?: string;

  @ApiPropertyOptional({
    example: ['INBOX', 'Archive'],
    nullable: true,
    description: 'Folders to sync; left out or null, SYNC_FOLDERS',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'folders must name at least one folder' })
  @ArrayUnique({ message: 'folders must not name a folder twice' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(255, { each: true })
  folders?: string[] | null;

  @ApiPropertyOptional({ default: true, description: 'Background sync on or off' })
  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}

/**
 * Like creation, every field optional but none null, since each has a value the mailbox
 * cannot do without; only `smtpHost: null` (all SMTP settings) and `folders: null` (back to
 * SYNC_FOLDERS) remove something.
 */
export class UpdateMailboxDto extends PartialType(
  OmitType(CreateMailboxDto, ['smtpHost'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null removes all SMTP settings',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  smtpHost?: string | null;
}

export class MailboxResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() imapHost!: string;
  @ApiProperty() imapPort!: number;
  @ApiProperty() imapSecure!: boolean;
  @ApiProperty() imapUser!: string;
  @ApiProperty({ type: String, nullable: true }) smtpHost!: string | null;
  @ApiProperty({ type: Number, nullable: true }) smtpPort!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) smtpSecure!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) smtpUser!: string | null;
  @ApiProperty({ type: [String], nullable: true }) folders!: string[] | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastSuccessAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: Date, nullable: true }) lastErrorAt!: Date | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class ConnectionCheckDto {
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'Why the check failed' }) error?: string;
}

export class ConnectionTestResponseDto {
  @ApiProperty({ type: ConnectionCheckDto }) imap!: ConnectionCheckDto;
  @ApiProperty({
    type: ConnectionCheckDto,
    nullable: true,
    description: 'null when no SMTP server is set',
  })
  smtp!: ConnectionCheckDto | null;
}
