import { Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { ListOutboundQueryDto, OutboundListDto, OutboundResponseDto } from './outbound.dto';
import { OutboundService } from './outbound.service';

@ApiTags('outbound')
@ApiBearerAuth()
@Controller()
export class OutboundController {
  constructor(private readonly outbound: OutboundService) {}

  @Post('drafts/:id/send')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat it on a retry; a draft is delivered at most once either way',
  })
  @ApiOkResponse({
    type: OutboundResponseDto,
    description:
      'state `sent`, `sending` (another request is sending it) or `failed` with lastError; a failed send is retried by calling this again',
  })
  @ApiConflictResponse({
    description: 'Draft not approved, flagged without override, or the mailbox cannot send',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key belongs to another draft' })
  send(
    @Param('id', idPipe()) id: number,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<OutboundResponseDto> {
    return this.outbound.send(id, idempotencyKey);
  }

  @Get('drafts/:id/outbound')
  @ApiOkResponse({ type: OutboundResponseDto })
  forDraft(@Param('id', idPipe()) id: number): Promise<OutboundResponseDto> {
    return this.outbound.forDraft(id);
  }

  @Get('outbound')
  @ApiOkResponse({
    type: OutboundListDto,
    description: 'Most recent first; `state=failed` shows what needs a retry',
  })
  list(@Query() query: ListOutboundQueryDto): Promise<OutboundListDto> {
    return this.outbound.list(query.state);
  }
}
