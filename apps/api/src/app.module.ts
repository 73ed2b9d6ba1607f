import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GlobalExceptionFilter } from './common/global-exception.filter';
import type { AppConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { AuthModule } from './modules/auth/auth.module';
import { BearerAuthGuard } from './modules/auth/bearer-auth.guard';
import { DemoSeeder } from './modules/demo/demo-seeder';
import { DemoModule } from './modules/demo/demo.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { FollowUpsModule } from './modules/follow-ups/follow-ups.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { InquiriesModule } from './modules/inquiries/inquiries.module';
import { MailboxesModule } from './modules/mailboxes/mailboxes.module';
import { MessagesModule } from './modules/messages/messages.module';
import { OutboundModule } from './modules/outbound/outbound.module';
import { QuotesModule } from './modules/quotes/quotes.module';
import { SamplesModule } from './modules/samples/samples.module';
import { TemplatesModule } from './modules/templates/templates.module';
import { TriageModule } from './modules/triage/triage.module';

/** The HTTP service: API, the IMAP sync worker (unless SYNC_WORKER=off) and the demo seed. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuthModule,
        HealthModule,
        MailboxesModule,
        InquiriesModule,
        MessagesModule,
        ImportsModule,
        DemoModule,
        DraftsModule,
        OutboundModule,
        FollowUpsModule,
        QuotesModule,
        SamplesModule,
        TemplatesModule,
        TriageModule,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: BearerAuthGuard },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
        DemoSeeder,
      ],
    };
  }
}
