import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module';
import { DemoController } from './demo.controller';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [ImportsModule],
  controllers: [DemoController],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
