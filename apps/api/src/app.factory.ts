import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { Settings } from '@casetrail/settings';
import { AppModule } from './app.module';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module';
import { validationPipe } from './http/validation.pipe';

/** The application as `npm start` runs it; end-to-end tests build it the same way. */
export async function createApp(
  settings: Settings,
  overrides: InfrastructureOverrides = {},
): Promise<INestApplication> {
  // JSON is the only body the API reads; Nest's default also parses urlencoded forms on every request.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forSettings(settings, overrides),
    {
      bufferLogs: true,
      abortOnError: false,
      bodyParser: false,
    },
  );
  app.useBodyParser('json');
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  documentApi(app);
  return app;
}

/**
 * OpenAPI from the controllers and DTOs themselves (the Nest CLI's swagger plugin reads the
 * class-validator decorators at build time), served without a token at /api/docs and
 * /api/openapi.json.
 */
function documentApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Casetrail')
    .setDescription(
      'Case tracking for local safeguarding children partnerships: commands, queries, reports and audit.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
