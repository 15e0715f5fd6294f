import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@casetrail/event-store';
import type { AuthenticatedRequest } from '../auth/authentication.guard';
import { londonDate } from '../infrastructure/clock';
import { commandContextFrom } from './command-context';

/** The verified sender, the command headers and the route, turned into a command's context. */
export const CommandEnvelope = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return commandContextFrom(
    request.principal,
    {
      'idempotency-key': header('idempotency-key'),
      'if-match': header('if-match'),
      'x-correlation-id': header('x-correlation-id'),
      'x-known-on': header('x-known-on'),
      'x-source': header('x-source'),
    },
    { route: `${request.method} ${request.url.split('?')[0]}`, body: request.body as unknown },
    londonDate(new Date()),
  );
});
