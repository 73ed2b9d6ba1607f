import { Body, Controller, Get, Param, Patch, Post, Put, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import type { AuthenticatedRequest } from '../auth/bearer-auth.guard';
import {
  ApproveDraftDto,
  DraftResponseDto,
  ProposeDraftDto,
  SenderProfileDto,
  SenderProfileResponseDto,
  UpdateDraftDto,
} from './drafts.dto';
import { repOf } from './current-rep';
import { DraftsService } from './drafts.service';

@ApiTags('drafts')
@ApiBearerAuth()
@Controller()
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Post('inquiries/:id/drafts')
  @ApiCreatedResponse({
    type: DraftResponseDto,
    description:
      "A draft in the buyer's language, template chosen by tier and content unless given",
  })
  @ApiConflictResponse({ description: 'Tier D (no sales reply), or no sender profile yet' })
  propose(
    @Param('id', idPipe()) id: number,
    @Body() dto: ProposeDraftDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftResponseDto> {
    return this.drafts.propose(id, dto, repOf(request));
  }

  @Get('inquiries/:id/drafts')
  @ApiOkResponse({ type: [DraftResponseDto] })
  list(@Param('id', idPipe()) id: number): Promise<DraftResponseDto[]> {
    return this.drafts.list(id);
  }

  @Get('drafts/:id')
  @ApiOkResponse({ type: DraftResponseDto })
  get(@Param('id', idPipe()) id: number): Promise<DraftResponseDto> {
    return this.drafts.get(id);
  }

  @Patch('drafts/:id')
  @ApiOkResponse({
    type: DraftResponseDto,
    description: 'Re-checked for forbidden phrases; approval is withdrawn',
  })
  update(
    @Param('id', idPipe()) id: number,
    @Body() dto: UpdateDraftDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftResponseDto> {
    return this.drafts.update(id, dto, repOf(request));
  }

  @Post('drafts/:id/approve')
  @ApiCreatedResponse({ type: DraftResponseDto })
  @ApiConflictResponse({ description: 'Flagged phrases and no overrideReason, or already sent' })
  approve(
    @Param('id', idPipe()) id: number,
    @Body() dto: ApproveDraftDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<DraftResponseDto> {
    return this.drafts.approve(id, dto, repOf(request));
  }

  @Get('sender-profile')
  @ApiOkResponse({ type: SenderProfileResponseDto, description: "The calling rep's signature" })
  senderProfile(@Req() request: AuthenticatedRequest): Promise<SenderProfileResponseDto> {
    return this.drafts.senderProfile(repOf(request));
  }

  @Put('sender-profile')
  @ApiOkResponse({ type: SenderProfileResponseDto })
  saveSenderProfile(
    @Body() dto: SenderProfileDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<SenderProfileResponseDto> {
    return this.drafts.saveSenderProfile(repOf(request), dto);
  }
}
