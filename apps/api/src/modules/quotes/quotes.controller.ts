import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { DraftResponseDto } from '../drafts/drafts.dto';
import { CurrentRep } from '../drafts/current-rep';
import {
  CreateQuoteDraftDto,
  CreateQuoteDto,
  QuoteLocaleQueryDto,
  QuoteResponseDto,
  ReviseQuoteDto,
} from './quotes.dto';
import { QuotesService } from './quotes.service';

@ApiTags('quotes')
@ApiBearerAuth()
@Controller()
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Post('inquiries/:id/quotes')
  @ApiCreatedResponse({ type: QuoteResponseDto })
  create(
    @Param('id', idPipe()) id: number,
    @Body() dto: CreateQuoteDto,
    @CurrentRep() rep: string,
  ): Promise<QuoteResponseDto> {
    return this.quotes.create(id, dto, rep);
  }

  @Get('inquiries/:id/quotes')
  @ApiOkResponse({ type: [QuoteResponseDto], description: 'Every revision, oldest first' })
  ofInquiry(@Param('id', idPipe()) id: number): Promise<QuoteResponseDto[]> {
    return this.quotes.ofInquiry(id);
  }

  @Get('quotes/:id')
  @ApiOkResponse({ type: QuoteResponseDto })
  get(@Param('id', idPipe()) id: number): Promise<QuoteResponseDto> {
    return this.quotes.get(id);
  }

  @Post('quotes/:id/revisions')
  @ApiCreatedResponse({
    type: QuoteResponseDto,
    description: 'The new revision; the revised one is kept',
  })
  @ApiConflictResponse({ description: 'Only the latest revision can be revised' })
  revise(
    @Param('id', idPipe()) id: number,
    @Body() dto: ReviseQuoteDto,
    @CurrentRep() rep: string,
  ): Promise<QuoteResponseDto> {
    return this.quotes.revise(id, dto, rep);
  }

  @Get('quotes/:id/pdf')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: "The quotation in the buyer's language (or `locale`)" })
  async pdf(
    @Param('id', idPipe()) id: number,
    @Query() query: QuoteLocaleQueryDto,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.quotes.pdf(id, query.locale);
    return new StreamableFile(content, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: content.length,
    });
  }

  @Post('quotes/:id/drafts')
  @ApiCreatedResponse({
    type: DraftResponseDto,
    description: 'The cover mail with the PDF attached',
  })
  @ApiConflictResponse({ description: 'Superseded or expired quote' })
  coverDraft(
    @Param('id', idPipe()) id: number,
    @Body() dto: CreateQuoteDraftDto,
    @CurrentRep() rep: string,
  ): Promise<DraftResponseDto> {
    return this.quotes.coverDraft(id, dto.locale, rep);
  }
}
