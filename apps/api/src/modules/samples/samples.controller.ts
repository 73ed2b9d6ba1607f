import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { idPipe } from '../../common/validation';
import { CurrentRep } from '../drafts/current-rep';
import {
  CreateSampleOfferDto,
  SampleOfferDto,
  SampleOfferResponseDto,
  SamplePolicyDto,
  SamplePolicyResponseDto,
} from './samples.dto';
import { SamplesService } from './samples.service';

@ApiTags('samples')
@ApiBearerAuth()
@Controller()
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  @Get('sample-policy')
  @ApiOkResponse({ type: SamplePolicyResponseDto })
  policy(): Promise<SamplePolicyResponseDto> {
    return this.samples.policy();
  }

  @Put('sample-policy')
  @ApiOkResponse({ type: SamplePolicyResponseDto })
  savePolicy(
    @Body() dto: SamplePolicyDto,
    @CurrentRep() rep: string,
  ): Promise<SamplePolicyResponseDto> {
    return this.samples.savePolicy(dto, rep);
  }

  @Post('inquiries/:id/sample-offers')
  @ApiCreatedResponse({
    type: SampleOfferResponseDto,
    description: 'The policy applied to the request, and the offer mail',
  })
  @ApiConflictResponse({
    description:
      'No sample policy or no sender profile yet, or the inquiry gets no sales reply (tier D)',
  })
  offer(
    @Param('id', idPipe()) id: number,
    @Body() dto: CreateSampleOfferDto,
    @CurrentRep() rep: string,
  ): Promise<SampleOfferResponseDto> {
    return this.samples.offer(id, dto, rep);
  }

  @Get('sample-offers/:id')
  @ApiOkResponse({ type: SampleOfferDto })
  get(@Param('id', idPipe()) id: number): Promise<SampleOfferDto> {
    return this.samples.get(id);
  }
}
