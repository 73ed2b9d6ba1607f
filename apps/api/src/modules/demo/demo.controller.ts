import { Controller, Delete } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DemoService } from './demo.service';

export class RemoveDemoResponseDto {
  @ApiProperty({ description: 'Demo messages deleted, with their inquiries' })
  removedMessages!: number;
}

@ApiTags('demo')
@ApiBearerAuth()
@Controller('demo')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Delete()
  @ApiOkResponse({ type: RemoveDemoResponseDto })
  remove(): Promise<RemoveDemoResponseDto> {
    return this.demo.remove();
  }
}
