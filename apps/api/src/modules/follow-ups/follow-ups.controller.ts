import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import type { AuthenticatedRequest } from '../auth/bearer-auth.guard';
import { repOf } from '../drafts/current-rep';
import { FollowUpListDto, FollowUpResponseDto, ListFollowUpsQueryDto } from './follow-ups.dto';
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
    @Req() request: AuthenticatedRequest,
  ): Promise<FollowUpListDto> {
    return { items: await this.followUps.list(query, repOf(request)) };
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponseDto })
  done(
    @Param('id', idPipe()) id: number,
    @Req() request: AuthenticatedRequest,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.complete(id, repOf(request));
  }
}
