import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Settings } from '@casetrail/settings';
import { AppModule } from './app.module';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module';
import { validationPipe } from './http/validation.pipe';

/** The application as `npm start` runs it; end-to-end tests build it the same way. */
export async function createApp(settings: Settings, overrides: InfrastructureOverrides = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forSettings(settings, overrides), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  return app;
}
