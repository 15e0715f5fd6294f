import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DestinationStream, pino } from 'pino';
import type { Settings } from '@casetrail/settings';
import { AppModule } from './app.module';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module';
import { logRequests, NestPinoLogger } from './http/logging';
import { sendProblem } from './http/problem-details.filter';
import { validationPipe } from './http/validation.pipe';

/**
 * The application as `npm start` runs it; end-to-end tests build it the same way. It logs to
 * standard output, or to `logTo` (a test reading the lines).
 */
export async function createApp(
  settings: Settings,
  overrides: InfrastructureOverrides = {},
  logTo?: DestinationStream,
): Promise<INestApplication> {
  const logger = logTo
    ? pino({ level: settings.logLevel }, logTo)
    : pino({ level: settings.logLevel });
  // Fastify, not Express: a request cost the service about half the CPU it did on Express.
  // Nest's parsers are off (they add urlencoded forms); Fastify's own JSON parser reads bodies
  // up to 100 KiB, and with its plain-text parser removed any other body is its 415.
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forSettings(settings, overrides),
    new FastifyAdapter({
      bodyLimit: 100 * 1024,
      // A URL that cannot be decoded (a bad percent-encoding) is refused before any route.
      frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
        sendProblem(
          reply,
          { type: '/problems/http-400', title: 'Bad Request', status: 400, detail: error.message },
          request.url,
        ),
    }),
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  logRequests(fastify, logger);
  app.useLogger(new NestPinoLogger(logger));
  // What Nest logged while the modules were built was held back until there was a logger.
  app.flushLogs();
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
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
