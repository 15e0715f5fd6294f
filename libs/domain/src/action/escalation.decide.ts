import { must, notBefore, notInFuture } from '../case/case.rules';
import type { Decider } from '../decider';
import type { EscalationCommand, RaiseEscalationData } from './escalation.commands';
import type { EscalationEvent, EscalationLevel } from './escalation.events';
import {
  type EscalationState,
  evolveEscalation,
  initialEscalationState,
  type RaisedEscalation,
} from './escalation.state';
import { unhandled } from './action.rules';

/**
 * Who hears an escalation at each level, and how many days overdue an action must be before the
 * automatic escalator raises it there (domain.md §5.6, Appendix B item 2; configurable per
 * partnership).
 */
export interface EscalationLadder {
  levels: Record<EscalationLevel, string>;
  thresholdsDays: readonly [number, number, number];
}

export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  levels: {
    1: 'Chair of the monitoring subgroup',
    2: 'Executive group',
    3: 'Independent chair / safeguarding partners',
  },
  thresholdsDays: [28, 56, 91],
};

const TOP_LEVEL: EscalationLevel = 3;

/**
 * The level an overdue action should have reached by now, for the automatic escalator, or
 * undefined while it is under the first threshold.
 */
export function escalationLevelDue(
  daysOverdue: number,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): EscalationLevel | undefined {
  const reached = ladder.thresholdsDays.filter((threshold) => daysOverdue >= threshold).length;
  return reached === 0 ? undefined : (reached as EscalationLevel);
}

/** One escalation (domain.md §5.6) as a pure decider. */
export function createEscalationDecider(
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): Decider<EscalationCommand, EscalationEvent, EscalationState> {
  function decide(command: EscalationCommand, state: EscalationState): EscalationEvent[] {
    notInFuture(command.data.occurredOn, command.today);
    if (command.type === 'RaiseEscalation') return raise(command.data, state);
    must(
      state.status !== 'NOT_RAISED',
      'escalation-must-be-raised',
      `${command.type}: no such escalation has been raised`,
    );
    must(
      state.status !== 'RESOLVED',
      'escalation-already-resolved',
      `Resolved on ${state.resolvedOn}`,
    );
    notBefore(command.data.occurredOn, state.raisedOn, 'no-date-before-raising', command.type);
    return decideOnOpen(command, state);
  }

  function raise(data: RaiseEscalationData, state: EscalationState): EscalationEvent[] {
    must(
      state.status === 'NOT_RAISED',
      'escalation-already-raised',
      `Escalation ${data.escalationId} exists`,
    );
    const { context, addressedTo, ...raised } = data;
    must(
      context.subjectOpen,
      'escalation-subject-must-be-open',
      `${data.subject.kind} ${data.subject.id} is closed: there is nothing to escalate`,
    );
    must(
      data.level > context.highestOpenLevel && data.level <= TOP_LEVEL,
      'escalation-level-above-open-level',
      context.highestOpenLevel >= TOP_LEVEL
        ? 'The subject is escalated to the top level already'
        : `Level ${context.highestOpenLevel} is open: raise at level ${context.highestOpenLevel + 1} or above`,
    );
    if (data.reason === 'OVERDUE') {
      must(
        (data.daysOverdue ?? 0) >= 1,
        'overdue-escalation-needs-overdue-subject',
        'The subject is not overdue: give another reason and explain the risk',
      );
    } else {
      // Not overdue yet: the escalation stands only on the risk it describes (§5.6).
      must(data.detail.trim(), 'escalation-needs-detail', `Explain the ${data.reason} concern`);
    }
    return [
      {
        type: 'EscalationRaised',
        data: { ...raised, addressedTo: addressedTo ?? ladder.levels[data.level] },
      },
    ];
  }

  function decideOnOpen(
    command: Exclude<EscalationCommand, { type: 'RaiseEscalation' }>,
    s: RaisedEscalation,
  ): EscalationEvent[] {
    switch (command.type) {
      case 'AcknowledgeEscalation':
        must(
          s.status !== 'ACKNOWLEDGED',
          'escalation-already-acknowledged',
          `Acknowledged on ${s.acknowledgedOn}`,
        );
        return [{ type: 'EscalationAcknowledged', data: command.data }];
      case 'ReferEscalationUp': {
        must(
          s.level < TOP_LEVEL,
          'no-referral-above-top-level',
          `Level ${TOP_LEVEL} (${ladder.levels[TOP_LEVEL]}) is the top of the ladder`,
        );
        must(command.data.reason.trim(), 'referral-needs-reason', 'Say why it goes up a level');
        const toLevel = (s.level + 1) as EscalationLevel;
        const { addressedTo, ...data } = command.data;
        return [
          {
            type: 'EscalationReferredUp',
            data: { ...data, toLevel, addressedTo: addressedTo ?? ladder.levels[toLevel] },
          },
        ];
      }
      case 'ResolveEscalation':
        must(command.data.note.trim(), 'resolution-needs-note', 'Say how it was resolved');
        return [{ type: 'EscalationResolved', data: command.data }];
      default:
        return unhandled(command);
    }
  }

  return { initialState: initialEscalationState, decide, evolve: evolveEscalation };
}
