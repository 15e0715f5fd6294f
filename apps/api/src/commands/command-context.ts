import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@casetrail/event-store';
import type { Principal } from '@casetrail/identity';
import { InvalidInput } from '../http/problem-details';

export interface CommandHeaders {
  'idempotency-key'?: string;
  'if-match'?: string;
  'x-correlation-id'?: string;
}

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;

/**
 * What every command carries besides its payload: who sent it (from the verified token),
 * its id (the Idempotency-Key, so a retry derives the same event ids), the version the client
 * last saw (If-Match), and tracing ids.
 */
export function commandContextFrom(principal: Principal, headers: CommandHeaders): CommandContext {
  const commandId = headers['idempotency-key'] ?? randomUUID();
  if (!KEY.test(commandId)) {
    throw new InvalidInput([{ field: 'Idempotency-Key', reason: 'must be 1-255 letters, digits or ._:-' }]);
  }
  const correlationId = headers['x-correlation-id'] ?? commandId;
  if (!KEY.test(correlationId)) {
    throw new InvalidInput([{ field: 'X-Correlation-Id', reason: 'must be 1-255 letters, digits or ._:-' }]);
  }
  return {
    commandId,
    expectedVersion: parseIfMatch(headers['if-match']),
    metadata: {
      actor: {
        userId: principal.userId,
        displayName: principal.displayName,
        agency: principal.agency,
        roles: principal.roles,
      },
      partnershipId: principal.partnershipId,
      correlationId,
      causationId: commandId,
      commandId,
    },
  };
}

/** Accepts `"3"`, `W/"3"` or `3`: the stream version the client last read. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,19})"?$/.exec(header.trim());
  if (!match) throw new InvalidInput([{ field: 'If-Match', reason: 'must be the stream version, e.g. "3"' }]);
  return BigInt(match[1]);
}
