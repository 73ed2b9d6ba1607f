import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentRep } from '../drafts/current-rep';
import { ListTemplatesQueryDto, PutTemplateTextDto, TemplateResponseDto } from './templates.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOkResponse({
    type: [TemplateResponseDto],
    description: 'Shipped, file and company templates with their variables and texts as in force',
  })
  list(@Query() query: ListTemplatesQueryDto): Promise<TemplateResponseDto[]> {
    return this.templates.list(query.locale);
  }

  @Get(':key')
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiNotFoundResponse({ description: 'No template with this key' })
  get(@Param('key') key: string): Promise<TemplateResponseDto> {
    return this.templates.get(key);
  }

  @Put(':key/:locale')
  @ApiParam({ name: 'key', example: 'first-reply', description: 'A shipped key, or a new one' })
  @ApiParam({ name: 'locale', example: 'es' })
  @ApiOkResponse({
    type: TemplateResponseDto,
    description: 'Drafts are written with it from now on',
  })
  @ApiBadRequestResponse({
    description:
      '`fields` names each problem: an unknown variable or malformed placeholder, variables of a shipped template, or a forbidden phrase (with the suggestion)',
  })
  put(
    @Param('key') key: string,
    @Param('locale') locale: string,
    @Body() dto: PutTemplateTextDto,
    @CurrentRep() rep: string,
  ): Promise<TemplateResponseDto> {
    return this.templates.put(key, locale, dto, rep);
  }

  @Delete(':key/:locale')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The shipped (or file) text is used again' })
  @ApiNotFoundResponse({ description: 'The company has no text of its own there' })
  remove(@Param('key') key: string, @Param('locale') locale: string): Promise<void> {
    return this.templates.remove(key, locale);
  }
}
