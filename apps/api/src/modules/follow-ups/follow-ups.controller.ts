import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { CurrentRep } from '../drafts/current-rep';
import { DraftResponseDto } from '../drafts/drafts.dto';
import {
  FollowUpDraftDto,
  FollowUpListDto,
  FollowUpResponseDto,
  ListFollowUpsQueryDto,
} from './follow-ups.dto';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @ApiOkResponse({
    type: FollowUpListDto,
    description: 'Pending follow-ups that are due or overdue, oldest first',
  })
  async list(
    @Query() query: ListFollowUpsQueryDto,
    @CurrentRep() rep: string,
  ): Promise<FollowUpListDto> {
    return { items: await this.followUps.list(query, rep) };
  }

  @Post(':id/drafts')
  @ApiCreatedResponse({
    type: DraftResponseDto,
    description:
      "The chase mail in the quote's language (follow-up-1, -2, or -3 for the third and later steps), filled from the quote",
  })
  @ApiConflictResponse({ description: 'The quote has expired: revise it first' })
  createDraft(
    @Param('id', idPipe()) id: number,
    @Body() dto: FollowUpDraftDto,
    @CurrentRep() rep: string,
  ): Promise<DraftResponseDto> {
    return this.followUps.draft(id, dto.locale, rep);
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponseDto })
  done(@Param('id', idPipe()) id: number, @CurrentRep() rep: string): Promise<FollowUpResponseDto> {
    return this.followUps.complete(id, rep);
  }
}
