import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

/**
 * One line per answered request: method, URL, status, time and who asked. The request is
 * described by an allow-list, not the default serializer with redactions: no header (so no
 * token or cookie) can reach the log, and pino-http binds this to every request's logger
 * whatever the level, so the default (every header, cloned for redaction) cost a tenth of a
 * request's CPU.
 */
export function requestLogging(level: string): Options {
  return {
    level,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customProps: (req) => ({
      userId: (req as { principal?: { userId: string } }).principal?.userId,
    }),
  };
}
