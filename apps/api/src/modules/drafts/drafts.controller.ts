import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import {
  ApproveDraftDto,
  DraftResponseDto,
  ProposeDraftDto,
  SenderProfileDto,
  SenderProfileResponseDto,
  UpdateDraftDto,
} from './drafts.dto';
import { CurrentRep } from './current-rep';
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
    @CurrentRep() rep: string,
  ): Promise<DraftResponseDto> {
    return this.drafts.propose(id, dto, rep);
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
    @CurrentRep() rep: string,
  ): Promise<DraftResponseDto> {
    return this.drafts.update(id, dto, rep);
  }

  @Post('drafts/:id/approve')
  @ApiCreatedResponse({ type: DraftResponseDto })
  @ApiConflictResponse({ description: 'Flagged phrases and no overrideReason, or already sent' })
  approve(
    @Param('id', idPipe()) id: number,
    @Body() dto: ApproveDraftDto,
    @CurrentRep() rep: string,
  ): Promise<DraftResponseDto> {
    return this.drafts.approve(id, dto, rep);
  }

  @Get('sender-profile')
  @ApiOkResponse({ type: SenderProfileResponseDto, description: "The calling rep's signature" })
  senderProfile(@CurrentRep() rep: string): Promise<SenderProfileResponseDto> {
    return this.drafts.senderProfile(rep);
  }

  @Put('sender-profile')
  @ApiOkResponse({ type: SenderProfileResponseDto })
  saveSenderProfile(
    @Body() dto: SenderProfileDto,
    @CurrentRep() rep: string,
  ): Promise<SenderProfileResponseDto> {
    return this.drafts.saveSenderProfile(rep, dto);
  }
}
