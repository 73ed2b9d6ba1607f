import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';

export const API_PREFIX = 'api';

/** The HTTP application, fully configured but not listening (tests drive it with supertest). */
export async function createApp(
  config: AppConfig,
  logger: LogLevel[] = config.production
    ? ['log', 'warn', 'error']
    : ['log', 'warn', 'error', 'debug'],
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Inquiry desk API')
      .setDescription(
        'Inquiry triage for B2B export sales: mailboxes, inquiries, messages, imports.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document);
  return app;
}
