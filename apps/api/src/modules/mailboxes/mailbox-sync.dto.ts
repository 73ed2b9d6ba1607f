import { ApiProperty } from '@nestjs/swagger';

export class FolderSyncReportDto {
  @ApiProperty() folder!: string;
  @ApiProperty({ description: 'STATUS showed nothing new, so nothing was fetched' })
  skipped!: boolean;
  @ApiProperty({ description: 'UIDVALIDITY changed and the folder was walked again' })
  fullResync!: boolean;
  @ApiProperty() fetched!: number;
}

export class SyncReportDto {
  @ApiProperty() mailboxId!: number;
  @ApiProperty({ type: [FolderSyncReportDto] }) folders!: FolderSyncReportDto[];
  @ApiProperty({
    description: 'Until every folder was fetched and stored, inquiries pending triage',
  })
  ingestedMs!: number;
  @ApiProperty({ description: 'Inquiries triaged after the folders were stored' })
  triaged!: number;
  @ApiProperty() durationMs!: number;
}

export class FolderSyncStatusDto {
  @ApiProperty() folder!: string;
  @ApiProperty() uidValidity!: number;
  @ApiProperty() highestUid!: number;
  @ApiProperty({ type: Date, nullable: true }) lastSyncedAt!: Date | null;
  @ApiProperty({ type: Number, nullable: true }) messagesOnServer!: number | null;
  @ApiProperty() messagesStored!: number;
  @ApiProperty() messagesQuarantined!: number;
}

export class MailboxSyncStatusDto {
  @ApiProperty() mailboxId!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastSuccessAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: Date, nullable: true }) lastErrorAt!: Date | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Worker holding the sync lease now' })
  syncingWorker!: string | null;
  @ApiProperty() messagesOnServer!: number;
  @ApiProperty() messagesStored!: number;
  @ApiProperty() messagesQuarantined!: number;
  @ApiProperty({ type: [FolderSyncStatusDto] }) folders!: FolderSyncStatusDto[];
}
