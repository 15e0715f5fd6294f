import { InvalidInput } from '../http/problem-details';
import { commandContextFrom, parseIfMatch } from './command-context';

const ada = {
  userId: 'ada',
  displayName: 'Ada Lovelace',
  agency: 'Leicestershire Police',
  partnershipId: 'leicester',
  roles: ['business-unit'],
};
const request = { route: 'POST /api/cases/c1/decision', body: { rationale: 'x' } };

describe('the context of a command', () => {
  it('puts the verified identity, the command id and the request digest into the event metadata', () => {
    const context = commandContextFrom(
      ada,
      { 'idempotency-key': 'cmd-1', 'x-correlation-id': 'corr-9', 'if-match': '"4"' },
      request,
    );
    expect(context.expectedVersion).toBe(4n);
    expect(context.metadata).toEqual({
      actor: {
        userId: 'ada',
        displayName: 'Ada Lovelace',
        agency: 'Leicestershire Police',
        roles: ['business-unit'],
      },
      partnershipId: 'leicester',
      correlationId: 'corr-9',
      causationId: context.commandId,
      commandId: context.commandId,
      requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  describe('when the client sends an Idempotency-Key', () => {
    it('derives the same command id for a retry by the same sender', () => {
      const first = commandContextFrom(ada, { 'idempotency-key': 'k' }, request);
      const retry = commandContextFrom(ada, { 'idempotency-key': 'k' }, request);
      expect(retry.commandId).toBe(first.commandId);
      expect(retry.metadata.requestHash).toBe(first.metadata.requestHash);
    });

    it('keeps two senders with the same key apart', () => {
      const grace = { ...ada, userId: 'grace' };
      expect(commandContextFrom(grace, { 'idempotency-key': 'k' }, request).commandId).not.toBe(
        commandContextFrom(ada, { 'idempotency-key': 'k' }, request).commandId,
      );
    });

    it('gives another request another digest, whatever the order of its fields', () => {
      const reordered = { route: request.route, body: { rationale: 'x' } };
      const other = { route: request.route, body: { rationale: 'y' } };
      const digest = (r: typeof request) =>
        commandContextFrom(ada, { 'idempotency-key': 'k' }, r).metadata.requestHash;
      expect(digest(reordered)).toBe(digest(request));
      expect(digest(other)).not.toBe(digest(request));
    });
  });

  it('makes up a command id when the client sends no key, and correlates with it', () => {
    const context = commandContextFrom(ada, {}, request);
    expect(context.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.metadata.correlationId).toBe(context.commandId);
    expect(context.expectedVersion).toBeUndefined();
  });

  it('refuses a malformed key or version with the header named', () => {
    expect(() => commandContextFrom(ada, { 'idempotency-key': 'has spaces' }, request)).toThrow(
      InvalidInput,
    );
    expect(() => parseIfMatch('"abc"')).toThrow(/If-Match/);
    expect(parseIfMatch('W/"12"')).toBe(12n);
    expect(parseIfMatch('7')).toBe(7n);
  });
});

describe('history entered after the fact', () => {
  const backfill = { route: 'POST /api/actions/B1-A03/completion', body: { occurredOn: '2015-03-27' } };

  it('carries the date the board knew it, and where it came from', () => {
    const context = commandContextFrom(ada, { 'x-known-on': '2015-04-15', 'x-source': 'seed:003 Appendix 1' }, backfill, '2026-11-23');
    expect(context.metadata).toMatchObject({ knownOn: '2015-04-15', source: 'seed:003 Appendix 1' });
  });

  it('refuses a known-on date before the fact happened, after today, or malformed', () => {
    expect(() => commandContextFrom(ada, { 'x-known-on': '2015-03-26' }, backfill, '2026-11-23')).toThrow(/X-Known-On|occurredOn/);
    expect(() => commandContextFrom(ada, { 'x-known-on': '2027-01-01' }, backfill, '2026-11-23')).toThrow(InvalidInput);
    expect(() => commandContextFrom(ada, { 'x-known-on': '15/04/2015' }, backfill, '2026-11-23')).toThrow(InvalidInput);
  });
});
