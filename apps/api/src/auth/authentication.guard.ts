import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Principal, type TokenVerifier, Unauthenticated } from '@casetrail/identity';
import { TOKEN_VERIFIER } from '../infrastructure/tokens';
import { IS_PUBLIC } from './public.decorator';

export interface AuthenticatedRequest extends FastifyRequest {
  principal: Principal;
}

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new Unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
    }
    request.principal = await this.verify(token);
    return true;
  }
}
