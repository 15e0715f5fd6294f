import type { BusinessDate } from '../calendar';
import { fold } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import type {
  EscalationCommandOf,
  EscalationCommandType,
  RaiseEscalationData,
} from './escalation.commands';
import {
  createEscalationDecider,
  DEFAULT_ESCALATION_LADDER,
  escalationLevelDue,
} from './escalation.decide';
import type { EscalationEvent } from './escalation.events';

type EscalationEventType = EscalationEvent['type'];

/**
 * The escalation decider (domain.md §5.6, Appendix B item 2) over the synthetic escalations of
 * Child B1 (§7.1 rows B1-22…B1-32) and Sam & Kyle (SK-16, SK-18). Days overdue were counted by
 * hand: B1-A02 due 2015-04-08 is 28 days overdue on 2015-05-06 and 56 on 2015-06-03; SK-A1 due
 * 2021-01-30 is 28 days overdue on 2021-02-27.
 */
const decider = createEscalationDecider();
const refusedRules = new Set<string>();
const { given } = deciderSpecification(decider, (rule) => refusedRules.add(rule));

describe('when an overdue action is escalated', () => {
  it('addresses level 1 to the chair of the monitoring subgroup (B1-22: B1-A02, 28 days overdue)', () => {
    const { context: _context, ...data } = b1A02Raised().data;
    given([])
      .when(b1A02Raised())
      .then([
        event('EscalationRaised', { ...data, addressedTo: 'Chair of the monitoring subgroup' }),
      ]);
  });

  it('keeps an addressee that is named (SK-16: "Executive (LSCP) chair")', () => {
    const { context: _context, ...data } = skA1Raised().data;
    given([])
      .when(skA1Raised())
      .then([event('EscalationRaised', { ...data, addressedTo: 'Executive (LSCP) chair' })]);
  });

  it('accepts a higher level beside an open one (B1-25 raised as its own escalation at level 2)', () => {
    const raise = amend(b1A02Raised(), {
      escalationId: 'ESC-B1-A02-2',
      occurredOn: '2015-06-03',
      level: 2,
      daysOverdue: 56,
      context: { subjectOpen: true, highestOpenLevel: 1 },
    });
    const [raised] = given([]).when(raise).then([expect.anything()]);
    expect(raised.data).toMatchObject({ level: 2, addressedTo: 'Executive group' });
  });

  it('accepts an escalation of a risk before the action is overdue, when the risk is explained', () => {
    const raise = amend(b1A02Raised(), {
      reason: 'LEAD_UNAVAILABLE',
      detail: 'The named GP lead is on long-term leave; no one is chasing the training',
      occurredOn: '2015-04-01',
      automatic: false,
      dueDate: undefined,
      daysOverdue: undefined,
    });
    given([]).when(raise).then([expect.anything()]);
  });

  it('refuses an escalation raised twice', () => {
    given(raisedB1A02()).when(b1A02Raised()).thenRefuses('escalation-already-raised');
  });

  it('refuses to escalate a subject that is closed', () => {
    given([])
      .when(amend(b1A02Raised(), { context: { subjectOpen: false, highestOpenLevel: 0 } }))
      .thenRefuses('escalation-subject-must-be-open');
  });

  it('refuses a level that is not above the one already open (§5.6)', () => {
    given([])
      .when(amend(b1A02Raised(), { context: { subjectOpen: true, highestOpenLevel: 1 } }))
      .thenRefuses('escalation-level-above-open-level');
  });

  it('refuses any level once the top level is open', () => {
    given([])
      .when(amend(b1A02Raised(), { level: 3, context: { subjectOpen: true, highestOpenLevel: 3 } }))
      .thenRefuses('escalation-level-above-open-level');
  });

  it('refuses an overdue escalation of an action due today (B1-A12 on 2015-04-30: not overdue)', () => {
    given([])
      .when(
        amend(b1A02Raised(), {
          occurredOn: '2015-04-30',
          subject: { kind: 'ACTION', id: 'B1-A12', caseId: 'B1' },
          dueDate: '2015-04-30',
          daysOverdue: 0,
        }),
      )
      .thenRefuses('overdue-escalation-needs-overdue-subject');
  });

  it('refuses an at-risk escalation that does not say what the risk is', () => {
    given([])
      .when(
        amend(b1A02Raised(), {
          reason: 'PROFESSIONAL_DISAGREEMENT',
          detail: ' ',
          daysOverdue: undefined,
        }),
      )
      .thenRefuses('escalation-needs-detail');
  });

  it('refuses an escalation dated after today', () => {
    given([])
      .when(amend(b1A02Raised(), {}, '2015-05-05'))
      .thenRefuses('no-future-dates');
  });
});

describe('when an escalation is acknowledged', () => {
  it('records who acknowledged it', () => {
    const [ack] = given(raisedB1A02())
      .when(acknowledged('2015-05-07'))
      .then([event('EscalationAcknowledged', acknowledged('2015-05-07').data)]);
    expect(fold(decider, [...raisedB1A02(), ack])).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedOn: '2015-05-07',
    });
  });

  it('refuses to acknowledge an escalation never raised', () => {
    given([]).when(acknowledged('2015-05-07')).thenRefuses('escalation-must-be-raised');
  });

  it('refuses a second acknowledgement at the same level', () => {
    given([...raisedB1A02(), ...decide(raisedB1A02(), acknowledged('2015-05-07'))])
      .when(acknowledged('2015-05-08'))
      .thenRefuses('escalation-already-acknowledged');
  });

  it('refuses an acknowledgement dated before the escalation', () => {
    given(raisedB1A02()).when(acknowledged('2015-05-05')).thenRefuses('no-date-before-raising');
  });
});

describe('when an escalation is referred up', () => {
  it('goes to the next level and its addressee (B1-25: B1-A02 to level 2, Executive group, 56 days)', () => {
    given(raisedB1A02())
      .when(b1A02ReferredUp())
      .then([
        event('EscalationReferredUp', {
          ...b1A02ReferredUp().data,
          toLevel: 2,
          addressedTo: 'Executive group',
        }),
      ]);
  });

  it('is open again at the new level until its new addressee acknowledges it', () => {
    const history = [...raisedB1A02(), ...decide(raisedB1A02(), acknowledged('2015-05-07'))];
    const referred = [...history, ...decide(history, b1A02ReferredUp())];
    expect(fold(decider, referred)).toMatchObject({
      status: 'OPEN',
      level: 2,
      addressedTo: 'Executive group',
      levels: [
        { level: 1, addressedTo: 'Chair of the monitoring subgroup', since: '2015-05-06' },
        { level: 2, addressedTo: 'Executive group', since: '2015-06-03' },
      ],
    });
    given(referred).when(acknowledged('2015-06-04')).then([expect.anything()]);
  });

  it('reaches level 3, the independent chair / safeguarding partners, at 91 days', () => {
    const atTwo = [...raisedB1A02(), ...decide(raisedB1A02(), b1A02ReferredUp())];
    const [referred] = given(atTwo)
      .when(amend(b1A02ReferredUp(), { occurredOn: '2015-07-08', daysOverdue: 91 }))
      .then([expect.anything()]);
    expect(referred.data).toMatchObject({
      toLevel: 3,
      addressedTo: 'Independent chair / safeguarding partners',
    });
  });

  it('refuses to go above level 3', () => {
    const atThree = [...decide([], amend(b1A02Raised(), { level: 3 }))];
    given(atThree).when(b1A02ReferredUp()).thenRefuses('no-referral-above-top-level');
  });

  it('refuses a referral without a reason', () => {
    given(raisedB1A02())
      .when(amend(b1A02ReferredUp(), { reason: '' }))
      .thenRefuses('referral-needs-reason');
  });
});

describe('when an escalation is resolved', () => {
  it('records the outcome (B1-29: B1-A02 resolved, action completed)', () => {
    const [resolved] = given(raisedB1A02())
      .when(b1A02Resolved())
      .then([event('EscalationResolved', b1A02Resolved().data)]);
    expect(fold(decider, [...raisedB1A02(), resolved])).toMatchObject({
      status: 'RESOLVED',
      resolvedOn: '2015-07-06',
      outcome: 'ACTION_COMPLETED',
    });
  });

  it('resolves SK-A1’s escalation on the day it was completed (SK-18, 2021-03-03)', () => {
    const resolve = command('ResolveEscalation', {
      occurredOn: '2021-03-03',
      outcome: 'ACTION_COMPLETED',
      note: 'Revised escalation procedure approved',
      by: { name: 'Chair, Thurrock LSCP Executive', role: 'Executive chair' },
    });
    given(decide([], skA1Raised()))
      .when(resolve)
      .then([event('EscalationResolved', resolve.data)]);
  });

  it('refuses a resolution without a note', () => {
    given(raisedB1A02())
      .when(amend(b1A02Resolved(), { note: '' }))
      .thenRefuses('resolution-needs-note');
  });

  it('refuses anything more once it is resolved', () => {
    given([...raisedB1A02(), ...decide(raisedB1A02(), b1A02Resolved())])
      .when(b1A02ReferredUp())
      .thenRefuses('escalation-already-resolved');
  });
});

describe('when the automatic escalator asks which level is due (28, 56, 91 days)', () => {
  it.each([
    [23, undefined], // B1-A02 on 2015-05-01
    [27, undefined],
    [28, 1], // B1-A02 on 2015-05-06; SK-A1 on 2021-02-27
    [55, 1],
    [56, 2], // B1-A02 on 2015-06-03
    [90, 2],
    [91, 3],
    [400, 3],
  ])('at %i days overdue it is level %s', (days, level) => {
    expect(escalationLevelDue(days)).toBe(level);
  });

  it('follows a partnership’s own thresholds', () => {
    const ladder = { ...DEFAULT_ESCALATION_LADDER, thresholdsDays: [14, 28, 42] as const };
    expect([13, 14, 28, 42].map((days) => escalationLevelDue(days, ladder))).toEqual([
      undefined,
      1,
      2,
      3,
    ]);
  });

  it('addresses escalations on a partnership’s own ladder', () => {
    const thurrock = createEscalationDecider({
      ...DEFAULT_ESCALATION_LADDER,
      levels: { 1: 'Executive (LSCP) chair', 2: 'LSCP Executive', 3: 'Safeguarding partners' },
    });
    const { addressedTo: _named, ...raise } = skA1Raised().data;
    const [raised] = thurrock.decide({ ...skA1Raised(), data: raise }, thurrock.initialState());
    expect(raised.data).toMatchObject({ addressedTo: 'Executive (LSCP) chair' });
  });
});

describe('the rule book', () => {
  // Runs last: the specs above record each rule they saw refuse a command.
  it('has at least one spec above refusing a command by each rule the decider names', () => {
    expect(RULES.filter((rule) => !refusedRules.has(rule))).toEqual([]);
    expect([...refusedRules].filter((rule) => !RULES.includes(rule))).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Fixtures                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const RULES = [
  'escalation-already-acknowledged',
  'escalation-already-raised',
  'escalation-already-resolved',
  'escalation-level-above-open-level',
  'escalation-must-be-raised',
  'escalation-needs-detail',
  'escalation-subject-must-be-open',
  'no-date-before-raising',
  'no-future-dates',
  'no-referral-above-top-level',
  'overdue-escalation-needs-overdue-subject',
  'referral-needs-reason',
  'resolution-needs-note',
];

const ESCALATOR = { name: 'Casetrail escalator (28/56/91-day rule)', role: 'SYSTEM' };

function command<T extends EscalationCommandType>(
  type: T,
  data: EscalationCommandOf<T>['data'],
  today: BusinessDate = data.occurredOn,
): EscalationCommandOf<T> {
  return { type, today, data } as EscalationCommandOf<T>;
}

function amend<T extends EscalationCommandType>(
  original: EscalationCommandOf<T>,
  change: Partial<EscalationCommandOf<T>['data']>,
  today?: BusinessDate,
): EscalationCommandOf<T> {
  const data = { ...original.data, ...change } as unknown as EscalationCommandOf<T>['data'];
  const latest = data.occurredOn > original.today ? data.occurredOn : original.today;
  return { ...original, data, today: today ?? latest } as EscalationCommandOf<T>;
}

function event<T extends EscalationEventType>(
  type: T,
  data: Extract<EscalationEvent, { type: T }>['data'],
): EscalationEvent {
  return { type, data } as EscalationEvent;
}

function decide(
  history: EscalationEvent[],
  c: Parameters<typeof decider.decide>[0],
): EscalationEvent[] {
  return decider.decide(c, fold(decider, history));
}

function b1A02Raised(): EscalationCommandOf<'RaiseEscalation'> {
  const data: RaiseEscalationData = {
    occurredOn: '2015-05-06',
    escalationId: 'ESC-B1-A02',
    subject: { kind: 'ACTION', id: 'B1-A02', caseId: 'B1' },
    reason: 'OVERDUE',
    detail: 'B1-A02 is 28 days overdue',
    level: 1,
    raisedBy: ESCALATOR,
    automatic: true,
    dueDate: '2015-04-08',
    daysOverdue: 28,
    context: { subjectOpen: true, highestOpenLevel: 0 },
  };
  return command('RaiseEscalation', data);
}

function raisedB1A02(): EscalationEvent[] {
  return decide([], b1A02Raised());
}

function b1A02ReferredUp(): EscalationCommandOf<'ReferEscalationUp'> {
  return command('ReferEscalationUp', {
    occurredOn: '2015-06-03',
    reason: 'B1-A02 is 56 days overdue',
    automatic: true,
    daysOverdue: 56,
  });
}

function b1A02Resolved(): EscalationCommandOf<'ResolveEscalation'> {
  return command('ResolveEscalation', {
    occurredOn: '2015-07-06',
    outcome: 'ACTION_COMPLETED',
    note: 'GP/HV level 3 training updated',
    by: { name: 'Chair, PAQA subgroup', role: 'PAQA chair' },
  });
}

function acknowledged(occurredOn: BusinessDate): EscalationCommandOf<'AcknowledgeEscalation'> {
  return command('AcknowledgeEscalation', {
    occurredOn,
    by: { name: 'Chair, PAQA subgroup', role: 'PAQA chair' },
  });
}

function skA1Raised(): EscalationCommandOf<'RaiseEscalation'> {
  return command('RaiseEscalation', {
    occurredOn: '2021-02-27',
    escalationId: 'ESC-SK-A1',
    subject: { kind: 'ACTION', id: 'SK-A1', caseId: 'SK' },
    reason: 'OVERDUE',
    detail: 'SK-A1 is 28 days overdue',
    level: 1,
    addressedTo: 'Executive (LSCP) chair',
    raisedBy: ESCALATOR,
    automatic: true,
    dueDate: '2021-01-30',
    daysOverdue: 28,
    context: { subjectOpen: true, highestOpenLevel: 0 },
  });
}
