import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaType } from './problem-details';

/**
 * A request that sends a body must send JSON: only JSON is parsed, so a form or plain text
 * would otherwise reach validation as no body at all and be answered "every field missing".
 */
@Injectable()
export class JsonBodiesOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { headers } = context.switchToHttp().getRequest<FastifyRequest>();
    const hasBody =
      headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
    if (!hasBody) return true;
    const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/json') return true;
    throw new UnsupportedMediaType(type);
  }
}
