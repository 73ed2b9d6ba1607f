import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OUTBOUND_STATES, type OutboundState } from '../../database/entities';

export class ListOutboundQueryDto {
  @ApiPropertyOptional({
    enum: OUTBOUND_STATES,
    description: '`failed` lists sends waiting for a retry',
  })
  @IsOptional()
  @IsIn(OUTBOUND_STATES)
  state?: OutboundState;
}

export class OutboundResponseDto {
  @ApiProperty() id!: number;
  @ApiProperty() draftId!: number;
  @ApiProperty({
    enum: OUTBOUND_STATES,
    description: 'queued → sending → sent, or failed (retry by sending the draft again)',
  })
  state!: OutboundState;
  @ApiProperty({ description: 'Our Message-ID, fixed before the first attempt' })
  messageId!: string;
  @ApiProperty() to!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true }) smtpResponse!: string | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) failedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'IMAP folder holding the copy' })
  sentFolder!: string | null;
  @ApiProperty({ type: String, nullable: true }) appendError!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The sent message as stored in the thread',
  })
  storedMessageId!: number | null;
}

export class OutboundListDto {
  @ApiProperty({ type: [OutboundResponseDto] }) items!: OutboundResponseDto[];
}
