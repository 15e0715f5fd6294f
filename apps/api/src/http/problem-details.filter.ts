import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainRuleViolated } from '@casetrail/domain';
import { EventIdAlreadyUsed, IdempotencyKeyReused, StoreUnavailable, WrongExpectedVersion } from '@casetrail/event-store';
import { Unauthenticated } from '@casetrail/identity';
import { UnknownProjection } from '@casetrail/projections';
import { InvalidInput, type ProblemDetails, ReadModelsBehind, ReportsBusy, ResourceNotFound } from './problem-details';

type Problem = ProblemDetails;

/** Writes a problem as the answer; `instance` is the URL asked for. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails, instance: string): void {
  reply
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, instance }));
}

/** Where errors become HTTP answers (and, for a URL Fastify cannot even route, app.factory). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const problem = this.toProblem(error, request);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (error instanceof ReadModelsBehind || error instanceof ReportsBusy || isMissingReadModel(error)) response.header('Retry-After', '1');
    if (error instanceof Unauthenticated) response.header('WWW-Authenticate', 'Bearer');
    sendProblem(response, problem, request.originalUrl);
  }

  private toProblem(error: unknown, request: FastifyRequest): Problem {
    if (error instanceof InvalidInput) {
      return { type: '/problems/invalid-input', title: 'Invalid input', status: 400, detail: error.message, errors: error.errors };
    }
    if (error instanceof Unauthenticated) {
      return { type: '/problems/unauthenticated', title: 'Unauthenticated', status: 401, detail: error.message };
    }
    if (error instanceof ResourceNotFound || error instanceof UnknownProjection) {
      return { type: '/problems/not-found', title: 'Not found', status: 404, detail: error.message };
    }
    if (error instanceof WrongExpectedVersion) {
      return {
        type: '/problems/version-conflict',
        title: 'Version conflict',
        status: 409,
        detail: error.message,
        currentVersion: Number(error.actual),
      };
    }
    if (error instanceof IdempotencyKeyReused || error instanceof EventIdAlreadyUsed) {
      // Event ids derive from the key, so an id stored elsewhere means the key was used for another request.
      return {
        type: '/problems/rules/idempotency-key-reused',
        title: 'Idempotency-Key reused',
        status: 422,
        detail: 'This Idempotency-Key was already used for a different request; send a new key',
        rule: 'idempotency-key-reused',
      };
    }
    if (error instanceof DomainRuleViolated) {
      return { type: `/problems/rules/${error.rule}`, title: 'Business rule violated', status: 422, detail: error.message, rule: error.rule };
    }
    if (error instanceof ReadModelsBehind) {
      return {
        type: '/problems/read-models-behind',
        title: 'Read models not yet up to date',
        status: 503,
        detail: error.message,
        requestedPosition: error.requested.toString(),
      };
    }
    if (error instanceof ReportsBusy) {
      return { type: '/problems/reports-busy', title: 'Too many reports waiting', status: 503, detail: error.message };
    }
    if (isMissingReadModel(error)) {
      // A read model whose new version is still being built: its tables appear at the switch.
      return { type: '/problems/read-models-behind', title: 'Read models are being rebuilt', status: 503, detail: 'Try again shortly' };
    }
    if (error instanceof StoreUnavailable) {
      return { type: '/problems/store-unavailable', title: 'Event store unavailable', status: 503, detail: error.message };
    }
    const unusable = unusableDatabase(error);
    if (unusable) {
      // A commit that failed as a whole wrote nothing of its group; the client may try again.
      return { type: '/problems/store-unavailable', title: 'Event store unavailable', status: 503, detail: `The database could not be used (${unusable}); nothing was written, try again later` };
    }
    if (error instanceof HttpException && error.getStatus() === 415) {
      // Fastify's answer to a body that is not JSON (the only type it parses here).
      const type = request.headers['content-type'] || 'untyped';
      return { type: '/problems/unsupported-media-type', title: 'Unsupported media type', status: 415, detail: `The body must be application/json, not ${type}` };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return { type: `/problems/http-${status}`, title: STATUS_CODES[status] ?? 'Error', status, detail: error.message };
    }
    return { type: '/problems/internal', title: 'Internal error', status: 500, detail: 'An unexpected error occurred' };
  }
}

/** SQLite's codes for a disk that is full, failing or locked for too long: the machine's fault, not the request's. */
const UNUSABLE = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN)/;

const unusableDatabase = (error: unknown): string | undefined => {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && UNUSABLE.test(code) ? code : undefined;
};

const isMissingReadModel = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: string }).code === 'SQLITE_ERROR' && /^no such (table|view)/.test(error.message);
