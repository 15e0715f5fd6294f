import { InvalidInput } from '../http/problem-details';
import { commandContextFrom, parseIfMatch } from './command-context';

const ada = {
  userId: 'ada',
  displayName: 'Ada Lovelace',
  agency: 'Leicestershire Police',
  partnershipId: 'leicester',
  roles: ['business-unit'],
};

describe('the context of a command', () => {
  it('puts the verified identity and the idempotency key into the event metadata', () => {
    const context = commandContextFrom(ada, { 'idempotency-key': 'cmd-1', 'x-correlation-id': 'corr-9', 'if-match': '"4"' });
    expect(context).toEqual({
      commandId: 'cmd-1',
      expectedVersion: 4n,
      metadata: {
        actor: { userId: 'ada', displayName: 'Ada Lovelace', agency: 'Leicestershire Police', roles: ['business-unit'] },
        partnershipId: 'leicester',
        correlationId: 'corr-9',
        causationId: 'cmd-1',
        commandId: 'cmd-1',
      },
    });
  });

  it('makes up a command id when the client sends no key, and correlates with it', () => {
    const context = commandContextFrom(ada, {});
    expect(context.commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.metadata.correlationId).toBe(context.commandId);
    expect(context.expectedVersion).toBeUndefined();
  });

  it('refuses a malformed key or version with the header named', () => {
    expect(() => commandContextFrom(ada, { 'idempotency-key': 'has spaces' })).toThrow(InvalidInput);
    expect(() => parseIfMatch('"abc"')).toThrow(/If-Match/);
    expect(parseIfMatch('W/"12"')).toBe(12n);
    expect(parseIfMatch('7')).toBe(7n);
  });
});
