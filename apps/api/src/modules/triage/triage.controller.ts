import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import {
  CreateTriageRunDto,
  ExportLabelsQueryDto,
  LabelledInquiryDto,
  TriageRunDto,
} from './triage.dto';
import { TriageService } from './triage.service';

@ApiTags('triage')
@ApiBearerAuth()
@Controller('triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  @Post('runs')
  @HttpCode(200)
  @ApiOkResponse({
    type: TriageRunDto,
    description:
      'Re-triage of one inquiry, a mailbox or everything with the current configuration and learned model',
  })
  run(@Body() dto: CreateTriageRunDto): Promise<TriageRunDto> {
    return this.triage.run(dto);
  }

  @Get('labels')
  @ApiProduces('application/x-ndjson', 'application/mbox')
  @ApiOkResponse({
    type: LabelledInquiryDto,
    description:
      'Every overridden inquiry: one JSON object per line, or with format=mbox the raw messages with an X-Inquiry-Label header',
  })
  labels(@Query() query: ExportLabelsQueryDto): StreamableFile {
    const mbox = query.format === 'mbox';
    return new StreamableFile(Readable.from(this.triage.exportLabels(mbox ? 'mbox' : 'ndjson')), {
      type: mbox ? 'application/mbox' : 'application/x-ndjson',
      disposition: `attachment; filename="inquiry-labels.${mbox ? 'mbox' : 'ndjson'}"`,
    });
  }
}
