import { type Decider, type DomainEvent, fold } from '../decider';
import { DomainRuleViolated } from '../errors';

/**
 * Given past events, when a command, then the new events or the rule that refused it
 * (after emmett's deciderSpecification). The past and the command are frozen, so a decider
 * that writes to its state or its input fails the spec instead of passing by accident.
 */
export interface DeciderSpecification<Command, Event extends DomainEvent> {
  given(events: readonly Event[]): {
    when(command: Command): {
      /** Exactly these events, in this order, and returns them. */
      then(expected: readonly Event[]): Event[];
      /** Refused by the named rule: DomainRuleViolated, nothing decided. Returns the error. */
      thenRefuses(rule: string): DomainRuleViolated;
    };
  };
}

export function deciderSpecification<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  onRefusal: (rule: string) => void = () => undefined,
): DeciderSpecification<Command, Event> {
  return {
    given: (events) => ({
      when: (command) => {
        const decide = () =>
          decider.decide(deepFreeze(structuredClone(command)), deepFreeze(fold(decider, events)));
        return {
          then(expected) {
            const actual = decide();
            expect(actual).toEqual(expected);
            return actual;
          },
          thenRefuses(rule) {
            let decided: Event[] | undefined;
            let error: unknown;
            try {
              decided = decide();
            } catch (caught) {
              error = caught;
            }
            expect(decided).toBeUndefined();
            expect(error).toBeInstanceOf(DomainRuleViolated);
            expect(error).toMatchObject({ rule });
            onRefusal(rule);
            return error as DomainRuleViolated;
          },
        };
      },
    }),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
