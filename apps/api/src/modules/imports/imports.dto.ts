import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateImportDto {
  @ApiPropertyOptional({
    description:
      'Server-side .eml file, mbox file or folder, relative to IMPORT_ROOT. Omit when uploading a file.',
    example: 'exports/takeout.mbox',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  path?: string;
}

export class QuarantinedEntryDto {
  @ApiProperty({ example: 'takeout.mbox#17' })
  source!: string;

  @ApiProperty({ example: 'the input does not start with header fields ("Name: value" lines)' })
  reason!: string;
}

export class ImportReportDto {
  @ApiProperty({ description: 'Messages read from the source' })
  messages!: number;

  @ApiProperty({ description: 'Messages stored for the first time' })
  stored!: number;

  @ApiProperty({ description: 'Messages already stored (re-import is harmless)' })
  duplicates!: number;

  @ApiProperty({ description: 'Inquiries created (buyer messages; not our own replies)' })
  inquiries!: number;

  @ApiProperty({ type: [QuarantinedEntryDto] })
  quarantined!: QuarantinedEntryDto[];

  @ApiProperty({
    type: [QuarantinedEntryDto],
    description:
      'Files and subfolders of an imported folder that could not be read (the rest was imported)',
  })
  unreadable!: QuarantinedEntryDto[];
}
