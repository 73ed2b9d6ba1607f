import { Module } from '@nestjs/common';
import { DraftsModule } from '../drafts/drafts.module';
import { SamplesController } from './samples.controller';
import { SamplesRepository } from './samples.repository';
import { SamplesService } from './samples.service';

@Module({
  imports: [DraftsModule],
  controllers: [SamplesController],
  providers: [SamplesRepository, SamplesService],
})
export class SamplesModule {}
