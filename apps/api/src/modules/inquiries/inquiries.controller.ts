import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import type { AuthenticatedRequest } from '../auth/bearer-auth.guard';
import {
  AssignInquiryDto,
  ChangeInquiryStatusDto,
  InquiryDetailDto,
  InquiryPageDto,
  ListInquiriesQueryDto,
  OverrideVerdictDto,
} from './inquiries.dto';
import { InquiriesService } from './inquiries.service';

@ApiTags('inquiries')
@ApiBearerAuth()
@Controller('inquiries')
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Get()
  @ApiOkResponse({ type: InquiryPageDto })
  list(@Query() query: ListInquiriesQueryDto): Promise<InquiryPageDto> {
    return this.inquiries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: InquiryDetailDto })
  get(@Param('id', idPipe()) id: number): Promise<InquiryDetailDto> {
    return this.inquiries.get(id);
  }

  @Patch(':id/assignee')
  @ApiOkResponse({ type: InquiryDetailDto })
  assign(
    @Param('id', idPipe()) id: number,
    @Body() dto: AssignInquiryDto,
  ): Promise<InquiryDetailDto> {
    return this.inquiries.assign(id, dto.assignee);
  }

  @Patch(':id/status')
  @ApiOkResponse({ type: InquiryDetailDto })
  changeStatus(
    @Param('id', idPipe()) id: number,
    @Body() dto: ChangeInquiryStatusDto,
  ): Promise<InquiryDetailDto> {
    return this.inquiries.changeStatus(id, dto.status);
  }

  @Patch(':id/verdict')
  @ApiOkResponse({
    type: InquiryDetailDto,
    description: "A rep's correction of the verdict, recorded with who and when",
  })
  overrideVerdict(
    @Param('id', idPipe()) id: number,
    @Body() dto: OverrideVerdictDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<InquiryDetailDto> {
    return this.inquiries.overrideVerdict(id, dto.verdict, request.apiToken?.name ?? 'unknown');
  }
}
