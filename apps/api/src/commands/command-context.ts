import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { v5 as uuidv5 } from 'uuid';
import { isBusinessDate } from '@casetrail/domain';
import type { CommandContext } from '@casetrail/event-store';
import type { Principal } from '@casetrail/identity';
import { InvalidInput } from '../http/problem-details';

export interface CommandHeaders {
  'idempotency-key'?: string;
  'if-match'?: string;
  'x-correlation-id'?: string;
  /** History entered after the fact: the date the board knew it (domain.md §0.3 item 8). */
  'x-known-on'?: string;
  /** Where such history came from (minutes, a spreadsheet, a seed document). */
  'x-source'?: string;
}

/** What the request asked for, as sent: the same key with another request is refused. */
export interface CommandRequest {
  route: string;
  body: unknown;
}

const KEY = /^[A-Za-z0-9._:-]{1,255}$/;
/** Namespace for command ids derived from (sender, Idempotency-Key); a fixed random constant. */
const COMMAND_ID_NAMESPACE = '0f6f1f3e-2b7a-4c1d-8e55-7d0c1b9a4e21';

/**
 * What every command carries besides its payload: who sent it (from the verified token),
 * its id, the version the client last saw (If-Match), and tracing ids.
 *
 * The command id is derived from the sender and their Idempotency-Key, so a retry derives the
 * same event ids, and two users who happen to pick the same key never collide. The request's
 * digest rides along in the metadata so a reused key with a different request can be told apart.
 */
export function commandContextFrom(
  principal: Principal,
  headers: CommandHeaders,
  request: CommandRequest,
  today?: string,
): CommandContext {
  const key = headers['idempotency-key'];
  if (key !== undefined && !KEY.test(key)) {
    throw new InvalidInput([
      { field: 'Idempotency-Key', reason: 'must be 1-255 letters, digits or ._:-' },
    ]);
  }
  const commandId =
    key === undefined
      ? randomUUID()
      : uuidv5(`${principal.partnershipId}|${principal.userId}|${key}`, COMMAND_ID_NAMESPACE);
  const correlationId = headers['x-correlation-id'] ?? commandId;
  if (!KEY.test(correlationId)) {
    throw new InvalidInput([
      { field: 'X-Correlation-Id', reason: 'must be 1-255 letters, digits or ._:-' },
    ]);
  }
  const knownOn = parseKnownOn(headers, request, today);
  const source = headers['x-source'];
  if (source !== undefined && !/^[\p{L}\p{N} .,:;§()/#'_-]{1,200}$/u.test(source)) {
    throw new InvalidInput([{ field: 'X-Source', reason: 'must be 1-200 characters of text' }]);
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
      requestHash: requestHashOf({ ...request, knownOn, source }),
      ...(knownOn && { knownOn }),
      ...(source && { source }),
    },
  };
}

/**
 * A fact entered after the fact says when the board knew it. That cannot be before it
 * happened, nor after today: the real append time stays the store's own.
 */
function parseKnownOn(headers: CommandHeaders, request: CommandRequest, today: string | undefined): string | undefined {
  const knownOn = headers['x-known-on'];
  if (knownOn === undefined) return undefined;
  const invalid = (reason: string) => new InvalidInput([{ field: 'X-Known-On', reason }]);
  if (!isBusinessDate(knownOn)) throw invalid('must be a calendar date YYYY-MM-DD');
  if (today !== undefined && knownOn > today) throw invalid(`must not be after today (${today})`);
  const occurredOn = (request.body as { occurredOn?: unknown } | undefined)?.occurredOn;
  if (typeof occurredOn === 'string' && knownOn < occurredOn) throw invalid(`must not be before occurredOn (${occurredOn})`);
  return knownOn;
}

export const requestHashOf = (request: CommandRequest & { knownOn?: string; source?: string }): string =>
  createHash('sha256')
    .update(canonicalize(JSON.parse(JSON.stringify(request))) ?? '')
    .digest('hex');

/** Accepts `"3"`, `W/"3"` or `3`: the stream version the client last read. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,19})"?$/.exec(header.trim());
  if (!match)
    throw new InvalidInput([{ field: 'If-Match', reason: 'must be the stream version, e.g. "3"' }]);
  return BigInt(match[1]);
}
