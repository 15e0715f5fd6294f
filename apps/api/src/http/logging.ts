import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { Level, Logger } from 'pino';

/**
 * The service's log: Nest's own messages and one line per answered request, through one pino
 * logger. The request line is written by a Fastify hook once the answer has gone, and only when
 * its level is enabled. pino-http, which did this before, built two child loggers for every
 * request whatever the level: a third of the CPU of a page of the case list, and a quarter of
 * the garbage that lived long enough to need a full collection.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level)) {
      // An allow-list, not the request: no header (so no token or cookie) can reach the log.
      logger[level](
        {
          req: { id: request.id, method: request.method, url: request.url },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
          userId: (request as { principal?: { userId: string } }).principal?.userId,
        },
        'request completed',
      );
    }
    done();
  });
}

/** Nest's logger interface over pino: Nest's `Logger` passes its context last. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const last = params.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    // An error's stack comes before the context: error(message, stack, context).
    const stack =
      level === 'error' && typeof params[0] === 'string' && params.length > 1
        ? params[0]
        : undefined;
    if (message instanceof Error) {
      this.logger[level]({ context, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level]({ context, stack }, String(message));
    }
  }
}
