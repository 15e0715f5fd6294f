import { type BusinessDate, DEFAULT_CLOCK_RULES } from '../calendar';
import { deciderSpecification } from '../testing/decider-specification';
import type { CaseCommand, CaseCommandOf, CaseCommandType } from './case.commands';
import {
  type CaseDeciderConfig,
  createCaseDecider,
  DEFAULT_CASE_DECIDER_CONFIG,
} from './case.decide';
import type { CaseEvent, CaseEventType, DelayReason } from './case.events';
import type { CaseState, CaseStatus, OpenCase } from './case.state';

/**
 * The case decider (domain.md §3, §5.2–5.4, §5.7, §5.8) over the seed cases of §7. Every date
 * and deadline below was worked out by hand from domain.md: one calendar month or six months
 * clamped to the month end (§0.3 item 5), working days Monday to Friday less the England and
 * Wales bank holidays, day 0 not counted (§0.3 item 6).
 */
const decider = createCaseDecider();
const refusedRules = new Set<string>();
const spec = deciderSpecification(decider, (rule) => refusedRules.add(rule));
const { given } = spec;

const configured = (change: Partial<CaseDeciderConfig>) =>
  deciderSpecification(createCaseDecider({ ...DEFAULT_CASE_DECIDER_CONFIG, ...change }), (rule) =>
    refusedRules.add(rule),
  );

describe('when nothing has been referred yet', () => {
  it('refuses a decision', () => {
    given([]).when(b1Decision()).thenRefuses('no-decision-before-referral');
  });

  it('refuses to commission a review', () => {
    given([]).when(b1Commission()).thenRefuses('no-review-before-decision-to-commission');
  });

  it('refuses anything else, such as a recommendation', () => {
    given([]).when(b1Recommendation('CCG-1')).thenRefuses('case-must-be-referred-first');
  });
});

describe('when a case is referred', () => {
  it('takes the regime in force on the referral date and sets the decision deadline one month on (B1: 2014-10-07, WT2013, due 2014-11-07)', () => {
    given([])
      .when(b1Referral())
      .then([
        event('CaseReferred', {
          ...b1Referral().data,
          regime: 'WT2013',
          decisionDueOn: '2014-11-07',
        }),
      ]);
  });

  it('finds the regime itself when none is given (Child R, 2013-03-04: WT2010, due 2013-04-04)', () => {
    const referral = amend(rReferral(), { regime: undefined });
    given([])
      .when(referral)
      .then([
        event('CaseReferred', { ...referral.data, regime: 'WT2010', decisionDueOn: '2013-04-04' }),
      ]);
  });

  it('sets no decision deadline under WT2018, where the rapid review clock runs instead (Child T)', () => {
    given([])
      .when(tReferral())
      .then([event('CaseReferred', { ...tReferral().data, regime: 'WT2018' })]);
  });

  it('refuses a regime other than the one in force on the referral date (SK on 2018-01-22 as WT2018)', () => {
    given([])
      .when(amend(skReferral(), { regime: 'WT2018' }))
      .thenRefuses('regime-follows-referral-date');
  });

  it('refuses a case that was referred already', () => {
    given(until(b1(), 'B1-01')).when(b1Referral()).thenRefuses('case-already-referred');
  });

  it('refuses a referral with siblings but no subject', () => {
    const siblingsOnly = b1Referral().data.subjects.filter((s) => s.role === 'SIBLING');
    given([])
      .when(amend(b1Referral(), { subjects: siblingsOnly }))
      .thenRefuses('case-needs-a-subject');
  });

  it('refuses a referral dated before the incident (B1 harmed 2014-08-27)', () => {
    given([])
      .when(amend(b1Referral(), { occurredOn: '2014-08-26' }))
      .thenRefuses('referral-not-before-incident');
  });

  it('refuses awareness dated before the incident', () => {
    given([])
      .when(amend(b1Referral(), { becameAwareOn: '2014-08-26' }))
      .thenRefuses('awareness-not-before-incident');
  });

  it('refuses awareness dated after today', () => {
    given([])
      .when(amend(b1Referral(), { becameAwareOn: '2014-10-08' }, '2014-10-07'))
      .thenRefuses('no-future-dates');
  });

  describe('when the children are named', () => {
    it.each([
      ['Child R', rReferral],
      ['Sam', skReferral],
      ['Child B1', b1Referral],
    ])('accepts the pseudonym "%s"', (pseudonym, referral) => {
      expect(referral().data.subjects[0].pseudonym).toBe(pseudonym);
      const [referred] = given([]).when(referral()).then([expect.anything()]);
      expect(referred).toMatchObject({
        type: 'CaseReferred',
        data: { subjects: referral().data.subjects },
      });
    });

    it('refuses a real name for the subject ("Jane Smith", §5.8)', () => {
      given([])
        .when(withPseudonyms(skReferral(), 'Jane Smith', 'Kyle'))
        .thenRefuses('pseudonyms-only');
    });

    it('refuses a real name for a sibling', () => {
      given([])
        .when(withPseudonyms(skReferral(), 'Sam', 'Kyle Smith'))
        .thenRefuses('pseudonyms-only');
    });

    describe('when the partnership lists real names it knows', () => {
      const partnership = () => configured({ forbiddenNames: new Set(['Tyler', 'jane smith']) });

      it('refuses a listed name, whatever its case', () => {
        partnership()
          .given([])
          .when(withPseudonyms(skReferral(), 'TYLER', 'Kyle'))
          .thenRefuses('pseudonyms-only');
      });

      it('refuses a listed full name inside a pseudonym ("Baby Jane Smith")', () => {
        partnership()
          .given([])
          .when(withPseudonyms(skReferral(), 'Baby Jane Smith', 'Kyle'))
          .thenRefuses('pseudonyms-only');
      });

      it('still accepts pseudonyms that are not listed ("Sam" and "Kyle")', () => {
        partnership()
          .given([])
          .when(skReferral())
          .then([
            event('CaseReferred', {
              ...skReferral().data,
              regime: 'WT2015',
              decisionDueOn: '2018-02-22',
            }),
          ]);
      });
    });
  });
});

describe('when a command is dated', () => {
  it('refuses a date after today', () => {
    given(until(b1(), 'B1-05'))
      .when(amend(b1Decision(), {}, '2014-12-18'))
      .thenRefuses('no-future-dates');
  });

  it('refuses a date before the referral', () => {
    given(until(b1(), 'B1-01'))
      .when(amend(b1Consideration(), { occurredOn: '2014-10-06' }))
      .thenRefuses('no-date-before-referral');
  });

  it('accepts a parallel process that began before the referral (Child R, police from 2013-02-20)', () => {
    const process = command('RecordParallelProcess', {
      occurredOn: '2013-02-20',
      processId: 'PP-R-0',
      processType: 'CRIMINAL_INVESTIGATION',
      leadAgency: 'North Wales Police',
      impact: ['DELAYS_DECISION'],
    });
    given(until(r(), 'R-01'))
      .when(process)
      .then([event('ParallelProcessRecorded', process.data)]);
  });
});

describe('when a serious incident is notified', () => {
  describe('under WT2018, within five working days of awareness (Child T, aware Friday 2019-12-20)', () => {
    it('refuses the notification of 2020-01-02 without a reason: it was due 2019-12-31', () => {
      given(until(t(), 'T-01'))
        .when(amend(tNotification(), { reasonForDelay: undefined }))
        .thenRefuses('late-notification-needs-reason');
    });

    it('refuses a reason with no detail', () => {
      given(until(t(), 'T-01'))
        .when(amend(tNotification(), { reasonForDelay: { code: 'OFFICE_CLOSURE', detail: '  ' } }))
        .thenRefuses('late-notification-needs-reason');
    });

    it('records the late notification with its deadline and reason', () => {
      given(until(t(), 'T-01'))
        .when(tNotification())
        .then([
          event('SeriousIncidentNotified', {
            occurredOn: '2020-01-02',
            becameAwareOn: '2019-12-20',
            notifiedTo: ['PANEL', 'OFSTED', 'DFE'],
            dueOn: '2019-12-31',
            late: {
              clock: 'SERIOUS_INCIDENT_NOTIFICATION',
              dueOn: '2019-12-31',
              reason: christmasClosure(),
            },
          }),
        ]);
    });

    it('is on time on the fifth working day, 2019-12-31, and needs no reason', () => {
      given(until(t(), 'T-01'))
        .when(amend(tNotification(), { occurredOn: '2019-12-31', reasonForDelay: undefined }))
        .then([
          event('SeriousIncidentNotified', {
            occurredOn: '2019-12-31',
            becameAwareOn: '2019-12-20',
            notifiedTo: ['PANEL', 'OFSTED', 'DFE'],
            dueOn: '2019-12-31',
          }),
        ]);
    });
  });

  it('runs no clock under WT2013, whose day count was never confirmed (B1)', () => {
    const notification = command('NotifySeriousIncident', {
      occurredOn: '2014-10-07',
      becameAwareOn: '2014-08-27',
      notifiedTo: ['OFSTED'],
    });
    given(until(b1(), 'B1-01'))
      .when(notification)
      .then([event('SeriousIncidentNotified', notification.data)]);
  });

  it('refuses a notification dated before awareness', () => {
    given(until(t(), 'T-01'))
      .when(amend(tNotification(), { occurredOn: '2019-12-20', becameAwareOn: '2019-12-23' }))
      .thenRefuses('notification-not-before-awareness');
  });

  it('refuses a second notification', () => {
    given(until(t(), 'T-02'))
      .when(tNotification())
      .thenRefuses('one-serious-incident-notification');
  });
});

describe('when the referral is considered', () => {
  it('records the sub-group meeting (B1-02)', () => {
    given(until(b1(), 'B1-01'))
      .when(b1Consideration())
      .then([event('ReferralConsidered', b1Consideration().data)]);
  });

  it('accepts a reconsideration while the Panel contests the decision', () => {
    const reconsidered = command('ConsiderReferral', {
      occurredOn: '2016-02-03',
      body: 'CRAG',
      outcome: 'RECOMMEND_ALTERNATIVE',
    });
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(reconsidered)
      .then([event('ReferralConsidered', reconsidered.data)]);
  });

  it('refuses a consideration once a decision is in force', () => {
    given(until(b1(), 'B1-06'))
      .when(amend(b1Consideration(), { occurredOn: '2014-12-20' }))
      .thenRefuses('no-consideration-after-decision');
  });
});

describe('when the decision is deferred', () => {
  it('records why (OX-1617-03, awaiting the police)', () => {
    given(until(ox1617(), 'OX-1617-03-02'))
      .when(ox1617Deferral())
      .then([event('DecisionDeferred', ox1617Deferral().data)]);
  });

  it('does not move the deadline: deciding OX-1617-03 on 2017-04-05 is late against 2017-03-20', () => {
    given(until(ox1617(), 'OX-1617-03-03'))
      .when(ox1617Decision())
      .thenRefuses('late-decision-needs-reason');
    given(until(ox1617(), 'OX-1617-03-03'))
      .when(ox1617Decision(awaitingPolice()))
      .then([
        event('DecisionRecorded', {
          ...withoutReason(ox1617Decision().data),
          dueOn: '2017-03-20',
          late: { clock: 'DECISION', dueOn: '2017-03-20', reason: awaitingPolice() },
        }),
      ]);
  });

  it('refuses a deferral once a decision is in force', () => {
    given(until(b1(), 'B1-06'))
      .when(
        command('DeferDecision', {
          occurredOn: '2014-12-20',
          reason: 'AWAITING_POLICE',
          detail: 'Criminal investigation continuing',
        }),
      )
      .thenRefuses('no-deferral-after-decision');
  });
});

describe('when a rapid review runs (WT2018)', () => {
  it('starts with a deadline 15 working days after awareness: 2020-01-15 for Child T', () => {
    given(until(t(), 'T-02'))
      .when(tRapidReviewStart())
      .then([event('RapidReviewStarted', { occurredOn: '2020-01-02', dueOn: '2020-01-15' })]);
  });

  it('counts from the notification where the partnership is configured so: 2020-01-23', () => {
    const wt2018 = DEFAULT_CLOCK_RULES.regimes.WT2018;
    const fromNotification = configured({
      clockRules: {
        ...DEFAULT_CLOCK_RULES,
        regimes: {
          ...DEFAULT_CLOCK_RULES.regimes,
          WT2018: {
            ...wt2018,
            rapidReview: { unit: 'WORKING_DAYS', amount: 15, anchor: 'NOTIFICATION' },
          },
        },
      },
    });
    fromNotification
      .given(until(t(), 'T-02'))
      .when(tRapidReviewStart())
      .then([event('RapidReviewStarted', { occurredOn: '2020-01-02', dueOn: '2020-01-23' })]);
  });

  it('refuses to start one under a regime without rapid reviews (B1, WT2013)', () => {
    given(until(b1(), 'B1-01'))
      .when(command('StartRapidReview', { occurredOn: '2014-10-07' }))
      .thenRefuses('rapid-review-needs-2018-regime');
  });

  it('refuses to start one before the serious incident notification', () => {
    given(until(t(), 'T-01'))
      .when(tRapidReviewStart())
      .thenRefuses('rapid-review-needs-notification');
  });

  it('refuses a second rapid review', () => {
    given(until(t(), 'T-03')).when(tRapidReviewStart()).thenRefuses('one-rapid-review');
  });

  it('completes on its deadline, 2020-01-15, with no reason needed (T-04)', () => {
    given(until(t(), 'T-03'))
      .when(tRapidReviewCompletion())
      .then([event('RapidReviewCompleted', withoutReason(tRapidReviewCompletion().data))]);
  });

  it('refuses a completion on 2020-01-16 without a reason', () => {
    given(until(t(), 'T-03'))
      .when(amend(tRapidReviewCompletion(), { occurredOn: '2020-01-16' }))
      .thenRefuses('late-rapid-review-needs-reason');
  });

  it('records a late completion with its deadline and reason', () => {
    const late = amend(tRapidReviewCompletion(), {
      occurredOn: '2020-01-16',
      reasonForDelay: christmasClosure(),
    });
    given(until(t(), 'T-03'))
      .when(late)
      .then([
        event('RapidReviewCompleted', {
          ...withoutReason(late.data),
          late: { clock: 'RAPID_REVIEW', dueOn: '2020-01-15', reason: christmasClosure() },
        }),
      ]);
  });

  it('refuses to complete a rapid review that never started', () => {
    given(until(t(), 'T-02'))
      .when(tRapidReviewCompletion())
      .thenRefuses('rapid-review-must-be-running');
  });

  it('refuses to complete it twice', () => {
    given(until(t(), 'T-04'))
      .when(tRapidReviewCompletion())
      .thenRefuses('rapid-review-must-be-running');
  });

  it('refuses a completion dated before the start', () => {
    given(until(t(), 'T-03'))
      .when(amend(tRapidReviewCompletion(), { occurredOn: '2019-12-30' }))
      .thenRefuses('completion-not-before-start');
  });
});

describe('when a decision is recommended', () => {
  it('records the sub-group’s recommendation to the Independent Chair (B1-05)', () => {
    given(until(b1(), 'B1-04'))
      .when(b1DecisionRecommendation())
      .then([event('DecisionRecommended', b1DecisionRecommendation().data)]);
  });

  it('accepts a fresh recommendation while the Panel contests the decision', () => {
    const recommended = command('RecommendDecision', {
      occurredOn: '2016-02-03',
      recommendedOutcome: 'ALTERNATIVE_REVIEW',
      rationale: 'Criteria not met, but a partnership review lets the parents inform the work',
      recommendedBy: { name: 'CRAG chair', role: 'Sub-group chair' },
    });
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(recommended)
      .then([event('DecisionRecommended', recommended.data)]);
  });

  it('refuses a recommendation once a decision is in force', () => {
    given(until(b1(), 'B1-06'))
      .when(amend(b1DecisionRecommendation(), { occurredOn: '2014-12-20' }))
      .thenRefuses('no-recommendation-after-decision');
  });
});

describe('when the decision is recorded', () => {
  describe('after the one-month deadline (B1: due 2014-11-07, decided 2014-12-19)', () => {
    it('refuses it without a reason for the delay (§5.8)', () => {
      given(until(b1(), 'B1-05'))
        .when(amend(b1Decision(), { reasonForDelay: undefined }))
        .thenRefuses('late-decision-needs-reason');
    });

    it('refuses a reason with no detail', () => {
      given(until(b1(), 'B1-05'))
        .when(amend(b1Decision(), { reasonForDelay: { code: 'CHANGE_OF_STAFF', detail: '' } }))
        .thenRefuses('late-decision-needs-reason');
    });

    it('records the decision with its deadline and the reason it was late', () => {
      given(until(b1(), 'B1-05'))
        .when(b1Decision())
        .then([
          event('DecisionRecorded', {
            ...withoutReason(b1Decision().data),
            dueOn: '2014-11-07',
            late: { clock: 'DECISION', dueOn: '2014-11-07', reason: b1DecisionDelay() },
          }),
        ]);
    });
  });

  it('is on time on the deadline day itself (B1 on 2014-11-07)', () => {
    const onTheDay = amend(b1Decision(), { occurredOn: '2014-11-07', reasonForDelay: undefined });
    given(until(b1(), 'B1-04'))
      .when(onTheDay)
      .then([event('DecisionRecorded', { ...withoutReason(onTheDay.data), dueOn: '2014-11-07' })]);
  });

  it('is on time within the month (SK: 2018-02-19 against 2018-02-22)', () => {
    given(until(sk(), 'SK-03'))
      .when(skDecision())
      .then([event('DecisionRecorded', { ...skDecision().data, dueOn: '2018-02-22' })]);
  });

  it('refuses a second decision while one is in force (B1, §5.8)', () => {
    given(until(b1(), 'B1-06'))
      .when(amend(b1Decision(), { decisionId: 'D-B1-2', occurredOn: '2015-01-05' }))
      .thenRefuses('only-one-current-decision');
  });

  it('refuses a decision by the safeguarding partners under WT2013', () => {
    given(until(b1(), 'B1-05'))
      .when(amend(b1Decision(), { decidedBy: safeguardingPartners() }))
      .thenRefuses('decider-holds-authority');
  });

  describe('under WT2018 (Child T)', () => {
    it('accepts the three safeguarding partners, with no one-month deadline', () => {
      given(until(t(), 'T-04'))
        .when(tDecision())
        .then([event('DecisionRecorded', tDecision().data)]);
    });

    it('refuses the LSCB chair', () => {
      given(until(t(), 'T-04'))
        .when(amend(tDecision(), { decidedBy: { name: 'Former LSCB chair', role: 'LSCB_CHAIR' } }))
        .thenRefuses('decider-holds-authority');
    });
  });

  it('refuses an alternative review that does not name its kind', () => {
    given(until(ox1516(), 'OX-1516-02-02'))
      .when(amend(ox1516Decision(), { outcome: 'ALTERNATIVE_REVIEW' }))
      .thenRefuses('alternative-review-names-its-type');
  });

  it('refuses a kind of alternative review on any other outcome', () => {
    given(until(ox1516(), 'OX-1516-02-02'))
      .when(amend(ox1516Decision(), { alternativeReviewType: 'PARTNERSHIP_REVIEW' }))
      .thenRefuses('alternative-review-names-its-type');
  });
});

describe('when the Panel is notified of a decision', () => {
  it('expects a decision not to review within 14 days: OX-1516-02 decided 2015-11-09, due 2015-11-23', () => {
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(ox1516PanelNotification())
      .then([
        event('NationalPanelNotified', { ...ox1516PanelNotification().data, dueOn: '2015-11-23' }),
      ]);
  });

  it('computes lateness but does not block it (notified 2015-12-01)', () => {
    const late = amend(ox1516PanelNotification(), { occurredOn: '2015-12-01' });
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(late)
      .then([event('NationalPanelNotified', { ...late.data, dueOn: '2015-11-23' })]);
  });

  it('sets no deadline for a decision to review (B1-08)', () => {
    given(until(b1(), 'B1-06'))
      .when(b1PanelNotification())
      .then([event('NationalPanelNotified', b1PanelNotification().data)]);
  });

  it('sets no 14-day deadline under WT2018 (Child T)', () => {
    const notified = command('NotifyNationalPanel', {
      occurredOn: '2020-01-16',
      decisionId: 'D-T-1',
      recipients: ['PANEL'],
    });
    given(until(t(), 'T-05'))
      .when(notified)
      .then([event('NationalPanelNotified', notified.data)]);
  });

  it('accepts a notification that names no decision, such as a rapid review’s', () => {
    const notified = command('NotifyNationalPanel', {
      occurredOn: '2020-01-15',
      recipients: ['PANEL'],
    });
    given(until(t(), 'T-04'))
      .when(notified)
      .then([event('NationalPanelNotified', notified.data)]);
  });

  it('refuses a decision the case does not have', () => {
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(amend(ox1516PanelNotification(), { decisionId: 'D-OX2-9' }))
      .thenRefuses('notified-decision-must-exist');
  });

  it('refuses a notification dated before the decision', () => {
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(amend(ox1516PanelNotification(), { occurredOn: '2015-11-08' }))
      .thenRefuses('notification-not-before-decision');
  });
});

describe('when the Panel responds', () => {
  it('records agreement and nothing more', () => {
    given(until(t(), 'T-05'))
      .when(tPanelResponse(true))
      .then([event('PanelResponded', tPanelResponse(true).data)]);
  });

  it('opens a contest when it disagrees (Child T, 2020-01-29)', () => {
    given(until(t(), 'T-05'))
      .when(tPanelResponse(false))
      .then([
        event('PanelResponded', tPanelResponse(false).data),
        event('DecisionContested', {
          occurredOn: '2020-01-29',
          decisionId: 'D-T-1',
          contestedBy: 'NATIONAL_PANEL',
          grounds: 'Disagrees: local learning potential',
        }),
      ]);
  });

  it('refuses a response to a decision that is not current', () => {
    given(until(t(), 'T-05'))
      .when(amend(tPanelResponse(false), { decisionId: 'D-T-0' }))
      .thenRefuses('response-to-current-decision');
  });

  it('refuses a response to a decision the Panel never received', () => {
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(
        command('RecordPanelResponse', {
          occurredOn: '2015-11-20',
          decisionId: 'D-OX2-1',
          agreesWithDecision: false,
          comments: 'Criteria misapplied',
        }),
      )
      .thenRefuses('contested-decision-was-notified');
  });

  it('refuses a response dated before the decision', () => {
    given(until(t(), 'T-05'))
      .when(amend(tPanelResponse(true), { occurredOn: '2020-01-14' }))
      .thenRefuses('response-not-before-decision');
  });

  it('refuses a second contest while one is open', () => {
    given(until(t(), 'T-06'))
      .when(amend(tPanelResponse(false), { occurredOn: '2020-01-30' }))
      .thenRefuses('one-open-contest');
  });
});

describe('when the decision is contested', () => {
  it('records the Panel’s challenge (OX-1516-02-05)', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(ox1516Contest())
      .then([event('DecisionContested', ox1516Contest().data)]);
  });

  it('accepts a contest of a WT2018 decision whose rapid review went to the Panel (T-06)', () => {
    given(until(t(), 'T-05'))
      .when(tContest())
      .then([event('DecisionContested', tContest().data)]);
  });

  it('refuses a contest of a decision that is not current', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(ox1516Contest(), { decisionId: 'D-OX2-0' }))
      .thenRefuses('contest-current-decision');
  });

  it('refuses a contest of a decision never notified to the Panel', () => {
    given(until(ox1516(), 'OX-1516-02-03'))
      .when(ox1516Contest())
      .thenRefuses('contested-decision-was-notified');
  });

  it('refuses a second contest while one is open', () => {
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(amend(ox1516Contest(), { occurredOn: '2016-01-25' }))
      .thenRefuses('one-open-contest');
  });

  it('refuses a contest dated before the decision', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(ox1516Contest(), { occurredOn: '2015-11-08' }))
      .thenRefuses('contest-not-before-decision');
  });
});

describe('when the decision is reaffirmed', () => {
  it('closes the contest and keeps the decision (OX-1516-02-06)', () => {
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(ox1516Reaffirmation())
      .then([event('DecisionReaffirmed', ox1516Reaffirmation().data)]);
  });

  it('refuses a reaffirmation with no open contest', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(ox1516Reaffirmation())
      .thenRefuses('reaffirmation-needs-open-contest');
  });

  it('refuses a reaffirmation dated before the contest', () => {
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(amend(ox1516Reaffirmation(), { occurredOn: '2016-01-19' }))
      .thenRefuses('reaffirmation-not-before-contest');
  });
});

describe('when the decision is revised', () => {
  it('supersedes the reaffirmed decision with a partnership review (OX-1516-02-07)', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(ox1516Revision())
      .then([event('DecisionRevised', ox1516Revision().data)]);
  });

  it('accepts new information as the trigger, with no contest (DECIDED_NO_REVIEW → DECIDED_REVIEW)', () => {
    const revised = amend(ox1516Revision(), {
      occurredOn: '2015-12-01',
      trigger: 'NEW_INFORMATION',
      reason: 'Police disclosure changed the picture',
    });
    const past = until(ox1516(), 'OX-1516-02-04');
    const decided = given(past)
      .when(revised)
      .then([event('DecisionRevised', revised.data)]);
    expect(fold([...past, ...decided]).status).toBe('DECIDED_REVIEW');
  });

  it('refuses a revision without a reason (OX-1516-02, §5.8)', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(amend(ox1516Revision(), { reason: '' }))
      .thenRefuses('revision-needs-reason');
  });

  it('refuses a reason of blanks', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(amend(ox1516Revision(), { reason: ' \n ' }))
      .thenRefuses('revision-needs-reason');
  });

  it('refuses a revision of a decision that is not current', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(amend(ox1516Revision(), { supersedesDecisionId: 'D-OX2-0' }))
      .thenRefuses('revision-supersedes-current-decision');
  });

  it('refuses a revision that changes neither the outcome nor the criteria', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(
        amend(ox1516Revision(), {
          outcome: 'NO_FURTHER_ACTION',
          alternativeReviewType: undefined,
          criteriaMet: false,
        }),
      )
      .thenRefuses('revision-must-change-something');
  });

  it('refuses to reuse a decision id', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(amend(ox1516Revision(), { decisionId: 'D-OX2-1' }))
      .thenRefuses('decision-id-is-new');
  });

  it('refuses a revision dated before the decision', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(ox1516Revision(), { occurredOn: '2015-11-08' }))
      .thenRefuses('revision-not-before-decision');
  });

  it('refuses a revision while the review is under way (B1)', () => {
    const revised = command('ReviseDecision', {
      occurredOn: '2015-02-02',
      decisionId: 'D-B1-2',
      supersedesDecisionId: 'D-B1-1',
      outcome: 'ALTERNATIVE_REVIEW',
      alternativeReviewType: 'LEARNING_REVIEW',
      criteriaMet: true,
      rationale: 'A learning review would be quicker',
      reason: 'Legal department declined to contribute',
      trigger: 'NEW_INFORMATION',
      decidedBy: b1Decision().data.decidedBy,
    });
    given(until(b1(), 'B1-09')).when(revised).thenRefuses('no-revision-during-review');
  });

  it('refuses a decider without authority under the case’s regime (T by the LSCB chair)', () => {
    given(until(t(), 'T-06'))
      .when(amend(tRevision(), { decidedBy: { name: 'Former LSCB chair', role: 'LSCB_CHAIR' } }))
      .thenRefuses('decider-holds-authority');
  });

  it('refuses an alternative review that does not name its kind', () => {
    given(until(ox1516(), 'OX-1516-02-06'))
      .when(amend(ox1516Revision(), { alternativeReviewType: undefined }))
      .thenRefuses('alternative-review-names-its-type');
  });
});

describe('when parallel processes are recorded', () => {
  it('records a process and its impact (B1-03)', () => {
    const process = commandOf(b1(), 'B1-03');
    given(until(b1(), 'B1-02'))
      .when(process)
      .then([event('ParallelProcessRecorded', process.data as ParallelProcessData)]);
  });

  it('refuses a process id already used', () => {
    given(until(b1(), 'B1-03'))
      .when(commandOf(b1(), 'B1-03'))
      .thenRefuses('parallel-process-id-is-new');
  });

  it('concludes an open process with its outcome (R-12, the guilty plea)', () => {
    given(until(r(), 'R-11'))
      .when(commandOf(r(), 'R-12'))
      .then([
        event('ParallelProcessConcluded', {
          occurredOn: '2020-09-21',
          processId: 'PP-R-2',
          outcome: 'The home pleaded guilty to a breach of Health & Safety legislation',
        }),
      ]);
  });

  it('refuses to conclude a process the case does not have', () => {
    given(until(r(), 'R-11'))
      .when(
        command('ConcludeParallelProcess', {
          occurredOn: '2020-09-21',
          processId: 'PP-R-9',
          outcome: 'Concluded',
        }),
      )
      .thenRefuses('parallel-process-must-be-open');
  });

  it('refuses to conclude a process twice', () => {
    given(until(r(), 'R-12'))
      .when(commandOf(r(), 'R-12'))
      .thenRefuses('parallel-process-must-be-open');
  });

  it('refuses a conclusion dated before the process began', () => {
    given(until(t(), 'T-08'))
      .when(
        command('ConcludeParallelProcess', {
          occurredOn: '2020-02-04',
          processId: 'PP-T-1',
          outcome: 'Trial concluded',
        }),
      )
      .thenRefuses('conclusion-not-before-start');
  });
});

describe('when a decision has no rationale', () => {
  it('refuses it', () => {
    given(until(b1(), 'B1-05'))
      .when(amend(b1Decision(), { rationale: '   ' }))
      .thenRefuses('decision-needs-rationale');
  });
});

describe('when a rapid review is started on a case never referred', () => {
  it('names the missing referral, not a missing decision', () => {
    given([])
      .when({ type: 'StartRapidReview', today: '2026-01-01', data: { occurredOn: '2020-01-02' } })
      .thenRefuses('case-must-be-referred-first');
  });
});

describe('when a review is commissioned', () => {
  it('targets completion six months after the decision: B1 decided 2014-12-19 → 2015-06-19', () => {
    given(until(b1(), 'B1-08'))
      .when(b1Commission())
      .then([
        event('ReviewCommissioned', { ...b1Commission().data, targetCompletionOn: '2015-06-19' }),
      ]);
  });

  it('under WT2018 also targets publication six months after the decision: T decided 2020-02-05 → 2020-08-05 for both', () => {
    given(until(t(), 'T-08'))
      .when(tCommission())
      .then([
        event('ReviewCommissioned', {
          ...tCommission().data,
          targetCompletionOn: '2020-08-05',
          publicationDueOn: '2020-08-05',
        }),
      ]);
  });

  it('counts from the revised decision: OX-1516-02 revised 2016-02-15 → 2016-08-15', () => {
    given(until(ox1516(), 'OX-1516-02-08'))
      .when(ox1516Commission())
      .then([
        event('ReviewCommissioned', {
          ...ox1516Commission().data,
          targetCompletionOn: '2016-08-15',
        }),
      ]);
  });

  it('refuses a review when the decision was no further action', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(ox1516Commission(), { occurredOn: '2015-11-20' }))
      .thenRefuses('no-review-before-decision-to-commission');
  });

  it('refuses a review before any decision', () => {
    given(until(b1(), 'B1-05'))
      .when(amend(b1Commission(), { occurredOn: '2014-12-16' }))
      .thenRefuses('no-review-before-decision-to-commission');
  });

  it('refuses a review while the Panel contests the decision', () => {
    const contested = event('DecisionContested', {
      occurredOn: '2015-01-14',
      decisionId: 'D-B1-1',
      contestedBy: 'NATIONAL_PANEL',
      grounds: 'Hypothetical challenge',
    });
    given([...until(b1(), 'B1-08'), contested])
      .when(b1Commission())
      .thenRefuses('no-review-before-decision-to-commission');
  });

  it('refuses a second review', () => {
    given(until(b1(), 'B1-09'))
      .when(amend(b1Commission(), { reviewId: 'RV-B1-2' }))
      .thenRefuses('one-active-review');
  });

  it('refuses a review of another type than the one decided (B1: an LCSPR for an SCR decision)', () => {
    given(until(b1(), 'B1-08'))
      .when(amend(b1Commission(), { reviewType: 'LCSPR' }))
      .thenRefuses('review-type-matches-decision');
  });

  it('refuses another kind of alternative review than the one decided (OX-1516-02: a learning review for a partnership review)', () => {
    given(until(ox1516(), 'OX-1516-02-08'))
      .when(amend(ox1516Commission(), { reviewType: 'LEARNING_REVIEW' }))
      .thenRefuses('review-type-matches-decision');
  });

  it('refuses a commission dated before the decision', () => {
    given(until(b1(), 'B1-08'))
      .when(amend(b1Commission(), { occurredOn: '2014-12-18' }))
      .thenRefuses('commissioning-not-before-decision');
  });
});

describe('when a review is paused', () => {
  it('records the pause pending the open parallel processes (R-09)', () => {
    given(until(r(), 'R-08'))
      .when(rPause())
      .then([event('ReviewPaused', rPause().data)]);
  });

  it('accepts a pause that gives a reason and names no process', () => {
    const paused = b1Pause([], 'Awaiting the outcome of care proceedings hearing');
    given(until(b1(), 'B1-09'))
      .when(paused)
      .then([event('ReviewPaused', paused.data)]);
  });

  it('refuses to pause a review already paused (Child R on 2015-01-01, paused since 2014-01-15, §5.8)', () => {
    given(until(r(), 'R-10'))
      .when(amend(rPause(), { occurredOn: '2015-01-01', parallelProcessIds: ['PP-R-1', 'PP-R-2'] }))
      .thenRefuses('review-already-paused');
  });

  it('refuses a pause when no review was commissioned', () => {
    given(until(b1(), 'B1-08'))
      .when(b1Pause(['PP-B1-1'], 'Criminal investigation'))
      .thenRefuses('no-pause-without-review');
  });

  it('refuses a pause once the report is signed off', () => {
    given(until(t(), 'T-10'))
      .when(
        command('PauseReview', {
          occurredOn: '2020-07-20',
          reason: 'CRIMINAL_PROCEEDINGS',
          detail: 'Trial',
          parallelProcessIds: ['PP-T-1'],
        }),
      )
      .thenRefuses('only-a-review-in-progress-pauses');
  });

  it('refuses a pause that names a concluded process (SK: police took no further action)', () => {
    given(until(sk(), 'SK-05'))
      .when(
        command('PauseReview', {
          occurredOn: '2018-04-02',
          reason: 'PARALLEL_PROCESS',
          detail: 'Police investigation',
          parallelProcessIds: ['PP-SK-1'],
        }),
      )
      .thenRefuses('pause-references-open-processes');
  });

  it('refuses a pause with neither an open process nor a reason', () => {
    given(until(b1(), 'B1-09')).when(b1Pause([], '   ')).thenRefuses('pause-needs-reason');
  });

  it('refuses a pause dated before the review was commissioned', () => {
    given(until(r(), 'R-08'))
      .when(amend(rPause(), { occurredOn: '2013-04-09' }))
      .thenRefuses('pause-not-before-review');
  });

  it('refuses a pause dated before the last resumption', () => {
    given(until(r(), 'R-13'))
      .when(
        command('PauseReview', {
          occurredOn: '2020-09-27',
          reason: 'OTHER',
          detail: 'Awaiting the prosecution papers',
          parallelProcessIds: [],
        }),
      )
      .thenRefuses('pause-not-before-review');
  });
});

describe('when a paused review resumes', () => {
  it('records the resumption (R-13)', () => {
    given(until(r(), 'R-12'))
      .when(rResumption())
      .then([event('ReviewResumed', rResumption().data)]);
  });

  it('refuses to resume a review that is not paused', () => {
    given(until(b1(), 'B1-09'))
      .when(command('ResumeReview', { occurredOn: '2015-02-02', reason: 'Ready' }))
      .thenRefuses('review-not-paused');
  });

  it('refuses a resumption dated before the pause', () => {
    given(until(r(), 'R-12'))
      .when(amend(rResumption(), { occurredOn: '2014-01-14' }))
      .thenRefuses('resumption-not-before-pause');
  });
});

describe('when the review timescale is extended', () => {
  it('records the new target (SK-10)', () => {
    given(until(sk(), 'SK-09'))
      .when(skExtension())
      .then([event('ReviewTimescaleExtended', skExtension().data)]);
  });

  it('refuses an extension when there is no review', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(skExtension(), { occurredOn: '2015-12-01' }))
      .thenRefuses('extension-needs-open-review');
  });

  it('refuses an extension once the report is signed off', () => {
    given(until(t(), 'T-10'))
      .when(amend(skExtension(), { occurredOn: '2020-07-21', newTargetOn: '2020-12-31' }))
      .thenRefuses('extension-needs-open-review');
  });

  it('refuses a target that is not later than the current one (SK: 2018-08-19)', () => {
    given(until(sk(), 'SK-09'))
      .when(amend(skExtension(), { newTargetOn: '2018-08-19' }))
      .thenRefuses('extension-must-move-target-later');
  });

  it('measures a further extension against the extended target, not the original (§5.3)', () => {
    given(until(sk(), 'SK-10'))
      .when(amend(skExtension(), { occurredOn: '2020-04-01', newTargetOn: '2020-05-31' }))
      .thenRefuses('extension-must-move-target-later');
  });
});

describe('when reviewers are appointed', () => {
  it('appoints Safron Rose, an independent consultant, as lead reviewer (B1-10)', () => {
    given(until(b1(), 'B1-09'))
      .when(b1LeadReviewer())
      .then([event('ReviewerAppointed', b1LeadReviewer().data)]);
  });

  it('appoints Ruby Parry as independent chair of the SCR panel the same day (B1-10)', () => {
    given([...until(b1(), 'B1-09'), ...events(b1(), 'B1-10/LEAD_REVIEWER')])
      .when(b1PanelChair())
      .then([event('ReviewerAppointed', b1PanelChair().data)]);
  });

  it('refuses an appointment when no review was commissioned (OX-1516-02, no further action)', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(b1LeadReviewer(), { occurredOn: '2015-12-01' }))
      .thenRefuses('no-reviewer-without-review');
  });

  it.each([
    ['no', undefined],
    ['a blank', '  '],
  ])('refuses an SCR reviewer with %s independence statement (B1)', (_, independenceStatement) => {
    given(until(b1(), 'B1-09'))
      .when(amend(b1PanelChair(), { independenceStatement }))
      .thenRefuses('reviewer-independence-statement-required');
  });

  it('asks the same of an LCSPR reviewer under WT2018 (Child T)', () => {
    given(until(t(), 'T-09'))
      .when(amend(b1LeadReviewer(), { occurredOn: '2020-02-19', independenceStatement: undefined }))
      .thenRefuses('reviewer-independence-statement-required');
  });

  it('accepts the author of a partnership review without one (OX-1516-02)', () => {
    const author = command('AppointReviewer', {
      occurredOn: '2016-03-01',
      role: 'AUTHOR',
      name: 'Partnership review author',
      organisation: 'OSCB business unit',
    });
    given(until(ox1516(), 'OX-1516-02-09'))
      .when(author)
      .then([event('ReviewerAppointed', author.data)]);
  });

  it('refuses an appointment dated before the review was commissioned', () => {
    given(until(b1(), 'B1-09'))
      .when(amend(b1LeadReviewer(), { occurredOn: '2015-01-13' }))
      .thenRefuses('review-conduct-not-before-commissioning');
  });
});

describe('when the terms of reference are agreed', () => {
  it('records B1’s period, from a year before the child’s birth to the incident, and 8 key issues (B1-11)', () => {
    const agreed = b1TermsOfReference();
    expect(agreed.data.keyIssues).toHaveLength(8);
    given(until(b1(), 'B1-10'))
      .when(agreed)
      .then([event('TermsOfReferenceAgreed', agreed.data)]);
  });

  it('records Sam & Kyle’s three key lines of enquiry, from Kyle’s birth to Sam’s death (SK-06)', () => {
    const agreed = commandOf(sk(), 'SK-06');
    given(until(sk(), 'SK-05'))
      .when(agreed)
      .then([event('TermsOfReferenceAgreed', agreed.data as TermsData)]);
  });

  it('accepts a period of a single day', () => {
    const oneDay = amend(b1TermsOfReference(), { periodFrom: '2014-08-27' });
    given(until(b1(), 'B1-10'))
      .when(oneDay)
      .then([event('TermsOfReferenceAgreed', oneDay.data)]);
  });

  it('refuses a period that ends before it starts', () => {
    given(until(b1(), 'B1-10'))
      .when(amend(b1TermsOfReference(), { periodFrom: '2014-08-28' }))
      .thenRefuses('terms-period-in-order');
  });

  it('refuses terms of reference when no review was commissioned', () => {
    given(until(b1(), 'B1-08'))
      .when(b1TermsOfReference())
      .thenRefuses('no-terms-of-reference-without-review');
  });
});

describe('when an agency declines to provide its report', () => {
  it('records who declined which report and why (B1-12, the Legal Department’s IMR)', () => {
    given(until(b1(), 'B1-11'))
      .when(b1LegalImrDeclined())
      .then([event('AgencyReportDeclined', b1LegalImrDeclined().data)]);
  });

  it('refuses it when no review was commissioned', () => {
    given(until(b1(), 'B1-08'))
      .when(b1LegalImrDeclined())
      .thenRefuses('no-agency-report-without-review');
  });
});

describe('when a practitioner event is held', () => {
  it('records it (SK-07)', () => {
    const held = commandOf(sk(), 'SK-07');
    given(until(sk(), 'SK-06'))
      .when(held)
      .then([event('PractitionerEventHeld', held.data as PractitionerEventData)]);
  });

  it('records the attendance by agency when it was counted', () => {
    const counted = amend(skPractitionerEvent(), {
      attendees: [
        { agency: 'Essex Police', count: 3 },
        { agency: 'Thurrock Children’s Social Care', count: 8 },
      ],
    });
    given(until(sk(), 'SK-06'))
      .when(counted)
      .then([event('PractitionerEventHeld', counted.data)]);
  });

  it('refuses one when no review was commissioned', () => {
    given(until(sk(), 'SK-04'))
      .when(amend(skPractitionerEvent(), { occurredOn: '2018-03-01' }, '2018-03-01'))
      .thenRefuses('no-practitioner-event-without-review');
  });

  it('refuses one dated before the review was commissioned', () => {
    given(until(sk(), 'SK-05'))
      .when(amend(skPractitionerEvent(), { occurredOn: '2018-03-11' }, '2018-03-12'))
      .thenRefuses('review-conduct-not-before-commissioning');
  });
});

describe('when learning is identified before there is a report', () => {
  it('records Child R’s immediate learning while no report exists (R-07)', () => {
    const learning = commandOf(r(), 'R-07');
    expect((fold(until(r(), 'R-06')) as OpenCase).review?.reportsCompleted).toBe(0);
    given(until(r(), 'R-06'))
      .when(learning)
      .then([event('LearningIdentified', learning.data as LearningData)]);
  });

  it('accepts learning from a rapid review still running, before any decision (Child T)', () => {
    const learning = command('IdentifyLearning', {
      occurredOn: '2020-01-10',
      learning: 'Out-of-hours strategy discussions did not include health',
      immediateActions: ['Out-of-hours rota to name a health contact'],
    });
    given(until(t(), 'T-03'))
      .when(learning)
      .then([event('LearningIdentified', learning.data)]);
  });

  it('refuses learning before any decision or rapid review (OX-1617-03, deferred)', () => {
    given(until(ox1617(), 'OX-1617-03-03'))
      .when(
        command('IdentifyLearning', {
          occurredOn: '2017-03-09',
          learning: 'Too early to say',
          immediateActions: [],
        }),
      )
      .thenRefuses('no-learning-before-decision-or-rapid-review');
  });

  describe('and spread', () => {
    const briefing = (occurredOn: string) =>
      command('DisseminateLearning', {
        occurredOn,
        format: '7_MINUTE_BRIEFING',
        audience: 'Multi-agency practitioners',
        attendance: 40,
        themes: ['NEGLECT', 'FAILURE_TO_THRIVE'],
        link: 'https://example.org/b1-briefing',
      });

    it('records a briefing on B1’s learning after its publication', () => {
      given(until(b1(), 'B1-56'))
        .when(briefing('2016-07-01'))
        .then([event('LearningDisseminated', briefing('2016-07-01').data)]);
    });

    it('refuses to spread learning before any decision or rapid review (OX-1617-03, deferred)', () => {
      given(until(ox1617(), 'OX-1617-03-03'))
        .when(briefing('2017-03-09'))
        .thenRefuses('no-dissemination-before-learning');
    });
  });
});

describe('when the family’s involvement is recorded', () => {
  it('records an invitation (B1-13)', () => {
    const invited = commandOf(b1(), 'B1-13');
    given(until(b1(), 'B1-09'))
      .when(invited)
      .then([event('FamilyInvolvementRecorded', invited.data as FamilyData)]);
  });

  it('refuses a decision not to involve the family without a reason', () => {
    given(until(b1(), 'B1-09'))
      .when(notPursued('  '))
      .thenRefuses('not-pursuing-family-needs-reason');
  });

  it('records a decision not to involve the family with its reason', () => {
    const decided = notPursued('Criminal proceedings against a parent are in progress');
    given(until(b1(), 'B1-09'))
      .when(decided)
      .then([event('FamilyInvolvementRecorded', decided.data)]);
  });
});

describe('when a report is completed', () => {
  it('records the overview report (B1-43)', () => {
    given(until(b1(), 'B1-21'))
      .when(b1Report())
      .then([event('ReportCompleted', b1Report().data)]);
  });

  it('refuses a report when no review was commissioned', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(b1Report(), { occurredOn: '2015-12-01' }))
      .thenRefuses('no-report-without-review');
  });

  it('refuses a report dated before the review was commissioned', () => {
    given(until(b1(), 'B1-09'))
      .when(amend(b1Report(), { occurredOn: '2015-01-13' }))
      .thenRefuses('report-not-before-commissioning');
  });
});

describe('when the report is signed off', () => {
  describe('after the six-month target (B1: due 2015-06-19, signed off 2015-10-28)', () => {
    it('refuses it without a reason for the delay', () => {
      given(until(b1(), 'B1-44'))
        .when(amend(b1SignOff(), { reasonForDelay: undefined }))
        .thenRefuses('late-completion-needs-reason');
    });

    it('records the sign-off with the deadline and the reason it was late', () => {
      given(until(b1(), 'B1-44'))
        .when(b1SignOff())
        .then([
          event('ReportSignedOff', {
            occurredOn: '2015-10-28',
            by: 'Leicester LSCB',
            late: { clock: 'REVIEW_COMPLETION', dueOn: '2015-06-19', reason: b1CompletionDelay() },
          }),
        ]);
    });
  });

  it('is on time within the target (T: 2020-07-20 against 2020-08-05)', () => {
    given(until(t(), 'T-09'))
      .when(tSignOff())
      .then([event('ReportSignedOff', { occurredOn: '2020-07-20', by: 'Safeguarding partners' })]);
  });

  it('is on time on the target day itself (T on 2020-08-05)', () => {
    given(until(t(), 'T-09'))
      .when(amend(tSignOff(), { occurredOn: '2020-08-05' }))
      .then([event('ReportSignedOff', { occurredOn: '2020-08-05', by: 'Safeguarding partners' })]);
  });

  it('keeps the original target for lateness after an extension (SK: due 2018-08-19, extended to 2020-06-30)', () => {
    given(until(sk(), 'SK-10'))
      .when(amend(skSignOff(), { reasonForDelay: undefined }))
      .thenRefuses('late-completion-needs-reason');
    given(until(sk(), 'SK-10'))
      .when(skSignOff())
      .then([
        event('ReportSignedOff', {
          occurredOn: '2020-06-15',
          by: 'Thurrock LSCP partner agencies',
          late: { clock: 'REVIEW_COMPLETION', dueOn: '2018-08-19', reason: familyAndCovid() },
        }),
      ]);
  });

  it('refuses a sign-off when no review was commissioned', () => {
    given(until(ox1516(), 'OX-1516-02-04'))
      .when(amend(tSignOff(), { occurredOn: '2015-12-01' }))
      .thenRefuses('no-sign-off-without-review');
  });

  it('refuses a sign-off while the review is paused (Child R)', () => {
    given(until(r(), 'R-12'))
      .when(amend(rSignOff(), { occurredOn: '2020-09-22' }))
      .thenRefuses('sign-off-needs-review-in-progress');
  });

  it('refuses a sign-off dated before the review was commissioned', () => {
    given(until(b1(), 'B1-09'))
      .when(amend(b1SignOff(), { occurredOn: '2015-01-13', reasonForDelay: undefined }))
      .thenRefuses('sign-off-not-before-commissioning');
  });
});

describe('when the Panel is told of the coming publication', () => {
  it('records the notice to the Panel and the Secretary of State (T-12)', () => {
    given(until(t(), 'T-11'))
      .when(tPublicationNotice())
      .then([event('PanelNotifiedOfPublication', tPublicationNotice().data)]);
  });

  it('refuses a notice before the report is signed off', () => {
    given(until(t(), 'T-09'))
      .when(amend(tPublicationNotice(), { occurredOn: '2020-03-02' }))
      .thenRefuses('no-publication-before-sign-off');
  });

  it('refuses a planned publication date before the notice', () => {
    given(until(t(), 'T-11'))
      .when(amend(tPublicationNotice(), { plannedPublicationOn: '2021-04-27' }))
      .thenRefuses('planned-publication-not-before-notice');
  });
});

describe('when publication is deferred', () => {
  it('holds publication back pending the trial (T-11)', () => {
    given(until(t(), 'T-10'))
      .when(tDeferral())
      .then([event('PublicationDeferred', tDeferral().data)]);
  });

  it('defers again while deferred', () => {
    const again = amend(tDeferral(), { occurredOn: '2020-12-01', newPlannedOn: '2021-05-10' });
    given(until(t(), 'T-11'))
      .when(again)
      .then([event('PublicationDeferred', again.data)]);
  });

  it('refuses a deferral before the report is signed off', () => {
    given(until(t(), 'T-09'))
      .when(amend(tDeferral(), { occurredOn: '2020-03-02' }))
      .thenRefuses('no-publication-before-sign-off');
  });

  it('refuses a deferral dated before the sign-off', () => {
    given(until(t(), 'T-10'))
      .when(amend(tDeferral(), { occurredOn: '2020-07-19' }))
      .thenRefuses('deferral-not-before-sign-off');
  });
});

describe('when the review is published', () => {
  describe('under WT2018, against the six-month publication target (T: due 2020-08-05, published 2021-05-10)', () => {
    it('refuses it without a reason for the delay', () => {
      given(until(t(), 'T-12'))
        .when(amend(tPublication(), { reasonForDelay: undefined }))
        .thenRefuses('late-publication-needs-reason');
    });

    it('records the lateness; the notice of 2021-04-28 gave the 7 working days needed, so no warning', () => {
      given(until(t(), 'T-12'))
        .when(tPublication())
        .then([
          event('ReviewPublished', {
            occurredOn: '2021-05-10',
            form: 'FULL_REPORT',
            late: { clock: 'PUBLICATION', dueOn: '2020-08-05', reason: awaitingTrial() },
          }),
        ]);
    });

    it('warns, without refusing, when no notice was given', () => {
      given(until(t(), 'T-11'))
        .when(tPublication())
        .then([
          event('ReviewPublished', {
            occurredOn: '2021-05-10',
            form: 'FULL_REPORT',
            late: { clock: 'PUBLICATION', dueOn: '2020-08-05', reason: awaitingTrial() },
            noticeShortfall: expect.stringMatching(/no notice/i),
          }),
        ]);
    });

    it('warns when the notice was short: 2021-04-30 leaves 5 of the 7 working days (3 May a bank holiday)', () => {
      const shortNotice = event('PanelNotifiedOfPublication', {
        ...tPublicationNotice().data,
        occurredOn: '2021-04-30',
      });
      given([...until(t(), 'T-11'), shortNotice])
        .when(tPublication())
        .then([
          event('ReviewPublished', {
            occurredOn: '2021-05-10',
            form: 'FULL_REPORT',
            late: { clock: 'PUBLICATION', dueOn: '2020-08-05', reason: awaitingTrial() },
            noticeShortfall: expect.stringMatching(/\b5\b.*\b7 working days/),
          }),
        ]);
    });

    it('is on time on 2020-08-05, with exactly 7 working days’ notice from 2020-07-27', () => {
      const notice = event('PanelNotifiedOfPublication', {
        occurredOn: '2020-07-27',
        recipients: ['PANEL', 'SECRETARY_OF_STATE'],
        plannedPublicationOn: '2020-08-05',
      });
      given([...until(t(), 'T-10'), notice])
        .when(amend(tPublication(), { occurredOn: '2020-08-05', reasonForDelay: undefined }))
        .then([event('ReviewPublished', { occurredOn: '2020-08-05', form: 'FULL_REPORT' })]);
    });
  });

  it('under WT2013 runs no publication clock but warns that the Panel had no week’s notice (B1-56)', () => {
    given(until(b1(), 'B1-46'))
      .when(b1Publication())
      .then([
        event('ReviewPublished', {
          occurredOn: '2016-06-13',
          form: 'FULL_REPORT',
          noticeShortfall: expect.stringMatching(/no notice/i),
        }),
      ]);
  });

  it('under WT2013 takes a notice 7 calendar days before as enough (B1: 2016-06-06 → 2016-06-13)', () => {
    const notice = event('PanelNotifiedOfPublication', {
      occurredOn: '2016-06-06',
      recipients: ['PANEL'],
      plannedPublicationOn: '2016-06-13',
    });
    given([...until(b1(), 'B1-46'), notice])
      .when(b1Publication())
      .then([event('ReviewPublished', { occurredOn: '2016-06-13', form: 'FULL_REPORT' })]);
  });

  it('under WT2010 expects neither a publication date nor a notice (R-17)', () => {
    given(until(r(), 'R-16'))
      .when(commandOf(r(), 'R-17'))
      .then([event('ReviewPublished', { occurredOn: '2021-12-09', form: 'FULL_REPORT' })]);
  });

  it('refuses publication before the report is signed off', () => {
    given(until(t(), 'T-09'))
      .when(amend(tPublication(), { occurredOn: '2020-03-02', reasonForDelay: undefined }))
      .thenRefuses('no-publication-before-sign-off');
  });

  it('refuses a publication dated before the sign-off', () => {
    given(until(t(), 'T-10'))
      .when(amend(tPublication(), { occurredOn: '2020-07-19', reasonForDelay: undefined }))
      .thenRefuses('publication-not-before-sign-off');
  });
});

describe('when publication is withheld', () => {
  it('records the decision, with the improvement information published instead', () => {
    const withheld = tWithholding();
    given(until(t(), 'T-11'))
      .when(withheld)
      .then([event('PublicationWithheld', withheld.data)]);
  });

  it('refuses to withhold a report not yet signed off', () => {
    given(until(t(), 'T-09'))
      .when(
        amend(tWithholding(), { occurredOn: '2020-03-02', improvementInfoPublishedOn: undefined }),
      )
      .thenRefuses('no-publication-before-sign-off');
  });
});

describe('when the report is presented to scrutiny', () => {
  it('records the People Overview & Scrutiny Committee noting Child R’s review (R-27)', () => {
    const presented = commandOf(r(), 'R-27');
    given(until(r(), 'R-19'))
      .when(presented)
      .then([event('ReportPresentedToScrutiny', presented.data as ScrutinyData)]);
  });

  it('records the Children’s Services O&S Committee accepting Sam & Kyle’s (SK-15)', () => {
    const presented = commandOf(sk(), 'SK-15');
    given(until(sk(), 'SK-13'))
      .when(presented)
      .then([event('ReportPresentedToScrutiny', presented.data as ScrutinyData)]);
  });

  it('refuses a report not yet signed off (Child R, revised but not accepted)', () => {
    given(until(r(), 'R-15'))
      .when(amend(rScrutiny(), { occurredOn: '2021-07-01' }))
      .thenRefuses('no-scrutiny-before-sign-off');
  });

  it('refuses a presentation dated before the sign-off', () => {
    given(until(r(), 'R-16'))
      .when(amend(rScrutiny(), { occurredOn: '2021-11-09' }))
      .thenRefuses('scrutiny-not-before-sign-off');
  });
});

describe('when the review is evaluated (domain.md §5.4)', () => {
  it('records the grade, who gave it and why, once the report is published (T)', () => {
    given(until(t(), 'T-13'))
      .when(tEvaluation())
      .then([event('ReviewEvaluated', tEvaluation().data)]);
  });

  it('accepts an evaluation of a signed-off report whose publication is deferred', () => {
    const early = amend(tEvaluation(), { occurredOn: '2020-09-01' });
    given(until(t(), 'T-11'))
      .when(early)
      .then([event('ReviewEvaluated', early.data)]);
  });

  it('refuses an evaluation before the report is signed off', () => {
    given(until(t(), 'T-09'))
      .when(amend(tEvaluation(), { occurredOn: '2020-03-02' }))
      .thenRefuses('no-evaluation-before-sign-off');
  });

  it('refuses an evaluation dated before the sign-off', () => {
    given(until(t(), 'T-10'))
      .when(amend(tEvaluation(), { occurredOn: '2020-07-19' }))
      .thenRefuses('evaluation-not-before-sign-off');
  });

  it('refuses an evaluation of a closed case, as any change (B1)', () => {
    given(closedB1())
      .when(amend(tEvaluation(), { occurredOn: '2017-01-05' }))
      .thenRefuses('no-change-to-closed-case');
  });
});

describe('when findings are recorded', () => {
  it('records a finding (R-18)', () => {
    const finding = commandOf(r(), 'R-18/F-R-a');
    given(until(r(), 'R-17'))
      .when(finding)
      .then([event('FindingRecorded', finding.data as FindingData)]);
  });

  it('refuses a finding id already used', () => {
    given(until(r(), 'R-18')).when(commandOf(r(), 'R-18/F-R-a')).thenRefuses('finding-id-is-new');
  });

  it('refuses findings before any decision', () => {
    given(until(ox1617(), 'OX-1617-03-03'))
      .when(
        command('RecordFinding', {
          occurredOn: '2017-03-09',
          findingId: 'F-OX3-1',
          text: 'Too early to say',
          themes: [],
        }),
      )
      .thenRefuses('no-findings-before-decision');
  });
});

describe('when recommendations are added', () => {
  it('adds an agency recommendation while the review is still under way (B1-14, §3.2)', () => {
    given(until(b1(), 'B1-13'))
      .when(b1Recommendation('CCG-1'))
      .then([event('RecommendationAdded', b1Recommendation('CCG-1').data)]);
  });

  it('refuses a recommendation before any decision', () => {
    given(until(b1(), 'B1-05'))
      .when(amend(b1Recommendation('CCG-1'), { occurredOn: '2014-12-16' }))
      .thenRefuses('no-recommendations-before-decision');
  });

  it('refuses a recommendation id already used', () => {
    given(until(b1(), 'B1-14'))
      .when(b1Recommendation('CCG-1'))
      .thenRefuses('recommendation-id-is-new');
  });

  it('refuses a second recommendation with the same number from the same source and addressee', () => {
    given(until(b1(), 'B1-14'))
      .when(amend(b1Recommendation('CCG-1'), { recommendationId: 'CCG-1-again' }))
      .thenRefuses('recommendation-number-is-unique');
  });

  it('accepts the same number addressed to another agency (numbering is verbatim, §4.4)', () => {
    const other = amend(b1Recommendation('CCG-1'), {
      recommendationId: 'LPT-1',
      addressedTo: 'Leicestershire Partnership NHS Trust',
    });
    given(until(b1(), 'B1-14'))
      .when(other)
      .then([event('RecommendationAdded', other.data)]);
  });

  describe('repeated from an earlier review (003 §23.2)', () => {
    const repeated = (repeats?: object, source = 'REPEATED_FROM_PRIOR_REVIEW') =>
      amend(b1Recommendation('OVR-23.2-i'), { source, repeats } as never);

    it('adds 23.2(i), repeated from the Child A and Child Q SCRs (B1-44)', () => {
      const added = b1Recommendation('OVR-23.2-i');
      given(until(b1(), 'B1-43'))
        .when(added)
        .then([event('RecommendationAdded', added.data)]);
    });

    it('links the earlier recommendation when it is on record in this case', () => {
      const linked = amend(
        repeated({ review: 'B1 IMR', caseId: 'B1', recommendationId: 'CCG-1' }),
        {},
      );
      given(until(b1(), 'B1-43'))
        .when(linked)
        .then([event('RecommendationAdded', linked.data)]);
    });

    it('refuses a repeated recommendation that does not name its review', () => {
      given(until(b1(), 'B1-43'))
        .when(repeated(undefined))
        .thenRefuses('repeated-recommendation-names-its-review');
      given(until(b1(), 'B1-43'))
        .when(repeated({ review: '  ' }))
        .thenRefuses('repeated-recommendation-names-its-review');
    });

    it('refuses an earlier recommendation on one from the overview report itself', () => {
      given(until(b1(), 'B1-43'))
        .when(repeated({ review: 'Child A SCR' }, 'OVERVIEW_REPORT'))
        .thenRefuses('only-a-repeated-recommendation-repeats');
    });

    it('refuses a link by case without the recommendation id', () => {
      given(until(b1(), 'B1-43'))
        .when(repeated({ review: 'Child A SCR', caseId: 'A' }))
        .thenRefuses('prior-recommendation-needs-case-and-id');
    });

    it('refuses a link to a recommendation this case does not have', () => {
      given(until(b1(), 'B1-43'))
        .when(repeated({ review: 'B1 IMR', caseId: 'B1', recommendationId: 'CCG-9' }))
        .thenRefuses('repeated-recommendation-on-record');
    });
  });

  it('closes a recommendation without action, with its reason', () => {
    const closed = closedWithoutAction('OVR-23.2-v');
    given(until(b1(), 'B1-56'))
      .when(closed)
      .then([event('RecommendationClosedWithoutAction', closed.data)]);
  });

  it('refuses to close a recommendation the case does not have', () => {
    given(until(b1(), 'B1-56'))
      .when(closedWithoutAction('OVR-23.3-i'))
      .thenRefuses('recommendation-must-exist');
  });

  it('refuses to close one twice', () => {
    given([...until(b1(), 'B1-56'), ...b1UnplannedClosed()])
      .when(closedWithoutAction('OVR-23.2-v'))
      .thenRefuses('recommendation-already-closed');
  });
});

describe('when new information arrives', () => {
  it('records it and what it affects (R-14)', () => {
    const received = commandOf(r(), 'R-14');
    given(until(r(), 'R-13'))
      .when(received)
      .then([event('NewInformationReceived', received.data as NewInformationData)]);
  });
});

describe('when the regime changes mid-case', () => {
  it('moves Sam & Kyle from WT2015 to WT2018 on 2019-05-01 (SK-08)', () => {
    given(until(sk(), 'SK-05'))
      .when(skTransition())
      .then([event('RegimeTransitioned', { ...skTransition().data, fromRegime: 'WT2015' })]);
  });

  it('accepts WT2018 from its first day, 2018-06-29', () => {
    const early = amend(skTransition(), { occurredOn: '2018-06-29' });
    given(until(sk(), 'SK-05'))
      .when(early)
      .then([event('RegimeTransitioned', { ...early.data, fromRegime: 'WT2015' })]);
  });

  it('refuses WT2018 the day before it came into force, 2018-06-28', () => {
    given(until(sk(), 'SK-05'))
      .when(amend(skTransition(), { occurredOn: '2018-06-28' }))
      .thenRefuses('regime-in-force-on-transition');
  });

  it('refuses a move to the regime the case is already under', () => {
    given(until(sk(), 'SK-05'))
      .when(amend(skTransition(), { toRegime: 'WT2015' }))
      .thenRefuses('regime-must-change');
  });
});

describe('when the case is closed', () => {
  describe('with B1’s seven overview recommendations unplanned (2016-12-31, §5.8)', () => {
    it('refuses closure and names them', () => {
      const refusal = given(until(b1(), 'B1-56'))
        .when(b1Closure())
        .thenRefuses('no-closure-with-open-recommendations');
      for (const number of [
        '23.1(i)',
        '23.1(ii)',
        '23.2(i)',
        '23.2(ii)',
        '23.2(iii)',
        '23.2(iv)',
        '23.2(v)',
      ]) {
        expect(refusal.message).toContain(number);
      }
      expect(refusal.message).not.toContain('23.1(iii)');
    });

    it('closes once each has a recorded reason for no action; the open decision-delaying processes do not block it', () => {
      given([...until(b1(), 'B1-56'), ...b1UnplannedClosed()])
        .when(b1Closure())
        .then([event('CaseClosed', b1ClosedData())]);
    });

    it('closes once each has actions, all settled', () => {
      given(until(b1(), 'B1-56'))
        .when(b1Closure([...b1RecommendationsWithActions(), ...B1_UNPLANNED]))
        .then([event('CaseClosed', b1ClosedData())]);
    });
  });

  it('closes a case decided with no review (T’s first decision, had it stood)', () => {
    const closure = command('CloseCase', {
      occurredOn: '2020-01-20',
      reason: 'NO_REVIEW',
      closedBy: { name: 'Safeguarding partners', role: 'Decision-maker' },
      recommendationsWithSettledActions: [],
      openEscalations: 0,
    });
    given(until(t(), 'T-05'))
      .when(closure)
      .then([
        event('CaseClosed', {
          occurredOn: '2020-01-20',
          reason: 'NO_REVIEW',
          closedBy: { name: 'Safeguarding partners', role: 'Decision-maker' },
        }),
      ]);
  });

  it('refuses closure before any decision (OX-1617-03, deferred)', () => {
    given(until(ox1617(), 'OX-1617-03-03'))
      .when(amend(b1Closure([]), { occurredOn: '2017-03-09', reason: 'NO_REVIEW' }))
      .thenRefuses('no-closure-before-decision');
  });

  it('refuses closure while the Panel contests the decision (OX-1516-02)', () => {
    given(until(ox1516(), 'OX-1516-02-05'))
      .when(amend(b1Closure([]), { occurredOn: '2016-01-21', reason: 'NO_REVIEW' }))
      .thenRefuses('no-closure-with-open-contest');
  });

  it('refuses closure with an escalation still open', () => {
    given([...until(b1(), 'B1-56'), ...b1UnplannedClosed()])
      .when(b1Closure(b1RecommendationsWithActions(), 1))
      .thenRefuses('no-closure-with-open-escalations');
  });

  it('refuses closure while a process that pauses reviews is open', () => {
    const inquest = event('ParallelProcessRecorded', {
      occurredOn: '2015-11-20',
      processId: 'PP-OX2-1',
      processType: 'INQUEST',
      leadAgency: 'Coroner',
      impact: ['PAUSES_REVIEW'],
    });
    given([...until(ox1516(), 'OX-1516-02-04'), inquest])
      .when(amend(b1Closure([]), { occurredOn: '2015-12-01', reason: 'NO_REVIEW' }))
      .thenRefuses('no-closure-with-open-parallel-processes');
  });

  it('refuses closure of a review case before publication is final (T, deferred)', () => {
    given(until(t(), 'T-11'))
      .when(amend(b1Closure([]), { occurredOn: '2020-09-01' }))
      .thenRefuses('no-closure-before-publication-is-final');
  });

  it('refuses a closure dated before the last fact on the case (B1, published 2016-06-13)', () => {
    given([...until(b1(), 'B1-46'), ...b1UnplannedClosed('2015-10-28'), ...events(b1(), 'B1-56')])
      .when(amend(b1Closure(), { occurredOn: '2016-06-12' }))
      .thenRefuses('closure-not-before-last-fact');
  });
});

describe('when the case is closed already', () => {
  it('refuses any further change', () => {
    given(closedB1())
      .when(amend(b1Recommendation('B1-NEW'), { occurredOn: '2017-01-05' }))
      .thenRefuses('no-change-to-closed-case');
  });

  it('reopens with new information, back under consideration', () => {
    const reopened = b1Reopening();
    const [reopenedEvent] = given(closedB1())
      .when(reopened)
      .then([event('CaseReopened', reopened.data)]);
    expect(decider.evolve(fold(closedB1()), reopenedEvent).status).toBe('UNDER_CONSIDERATION');
  });

  it('refuses a reopening dated before the closure', () => {
    given(closedB1())
      .when(amend(b1Reopening(), { occurredOn: '2016-12-30' }))
      .thenRefuses('reopening-not-before-closure');
  });
});

describe('when the case is open', () => {
  it('refuses to reopen it', () => {
    given(until(b1(), 'B1-56')).when(b1Reopening()).thenRefuses('only-a-closed-case-reopens');
  });
});

describe('when the seed timelines are replayed through the decider (§3.1, §7)', () => {
  it.each([
    ['Child B1 (§7.1)', 'PUBLISHED', b1],
    ['Child R (§7.2)', 'PUBLISHED', r],
    ['Sam & Kyle (§7.3)', 'PUBLISHED', sk],
    ['OX-1516-02 (§7.4)', 'REVIEW_IN_PROGRESS', ox1516],
    ['OX-1617-03 (§7.4)', 'DECISION_DEFERRED', ox1617],
    ['Child T (§7.5)', 'PUBLISHED', t],
  ])(
    '%s: each step decides exactly its events and reaches its §3.1 state, ending %s',
    (_, last, seed) => {
      const steps = seed();
      const replayed = replay(steps);
      expect(replayed.steps).toEqual(
        steps.map(({ id, events, status }) => ({ id, events, status })),
      );
      expect(replayed.state.status).toBe(last);
    },
  );

  it('Child B1 is PUBLISHED with its decision and its completion recorded late', () => {
    expect(replay(b1()).state).toMatchObject({
      status: 'PUBLISHED',
      lateStages: [
        { clock: 'DECISION', dueOn: '2014-11-07' },
        { clock: 'REVIEW_COMPLETION', dueOn: '2015-06-19' },
      ],
    });
  });

  it('Child R is paused until its R-13 resumption, then REVIEW_IN_PROGRESS', () => {
    expect(replay(r(), 'R-12').state).toMatchObject({
      status: 'REVIEW_PAUSED',
      review: { pausedSince: '2014-01-15' },
    });
    expect(replay(r(), 'R-13').state).toMatchObject({
      status: 'REVIEW_IN_PROGRESS',
      review: { lastResumedOn: '2020-09-28' },
    });
  });

  it('Child T is PUBLICATION_DEFERRED after T-11, with D-T-2 current and PP-T-1 open (§7.5 as of 2020-09-01)', () => {
    const { state } = replay(t(), 'T-11');
    expect(state).toMatchObject({
      status: 'PUBLICATION_DEFERRED',
      currentDecisionId: 'D-T-2',
      review: { targetCompletionOn: '2020-08-05', signedOffOn: '2020-07-20' },
      parallelProcesses: [{ processId: 'PP-T-1' }],
    });
    expect((state as OpenCase).parallelProcesses[0].concludedOn).toBeUndefined();
  });

  it('OX-1516-02: contested, reaffirmed, then revised is DECIDED_REVIEW with the revision current', () => {
    expect(replay(ox1516(), 'OX-1516-02-05').state.status).toBe('DECISION_CONTESTED');
    expect(replay(ox1516(), 'OX-1516-02-06').state.status).toBe('DECIDED_NO_REVIEW');
    expect(replay(ox1516(), 'OX-1516-02-07').state).toMatchObject({
      status: 'DECIDED_REVIEW',
      currentDecisionId: 'D-OX2-2',
      openContest: undefined,
      decisions: [
        { decisionId: 'D-OX2-1', outcome: 'NO_FURTHER_ACTION', notifiedToPanelOn: '2015-11-16' },
        { decisionId: 'D-OX2-2', outcome: 'ALTERNATIVE_REVIEW', supersedesDecisionId: 'D-OX2-1' },
      ],
    });
  });

  it('OX-1617-03 is DECISION_DEFERRED with no decision and its deadline unchanged', () => {
    expect(replay(ox1617()).state).toMatchObject({
      status: 'DECISION_DEFERRED',
      decisions: [],
      decisionDueOn: '2017-03-20',
    });
  });
});

describe('the rule book', () => {
  // Runs last: the specs above record each rule they saw refuse a command. Run on its own
  // (jest -t), it fails, because nothing above ran.
  it('has at least one spec above refusing a command by each rule the decider names', () => {
    expect(RULES.filter((rule) => !refusedRules.has(rule))).toEqual([]);
    expect([...refusedRules].filter((rule) => !RULES.includes(rule))).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Fixtures: the seed timelines of domain.md §7, one step per seed row the case decider knows  */
/* (B1-07's OfstedNotified is folded into B1-08's notification; ActionPlanned lives elsewhere). */
/* Each step names the events it must decide, derived fields worked out by hand, and the state */
/* of §3.1 that follows.                                                                       */
/* ------------------------------------------------------------------------------------------ */

interface Step {
  id: string;
  command: CaseCommand;
  events: CaseEvent[];
  status: CaseStatus;
}

type ParallelProcessData = CaseCommandOf<'RecordParallelProcess'>['data'];
type FamilyData = CaseCommandOf<'RecordFamilyInvolvement'>['data'];
type FindingData = CaseCommandOf<'RecordFinding'>['data'];
type NewInformationData = CaseCommandOf<'RecordNewInformation'>['data'];
type TermsData = CaseCommandOf<'AgreeTermsOfReference'>['data'];
type PractitionerEventData = CaseCommandOf<'RecordPractitionerEvent'>['data'];
type LearningData = CaseCommandOf<'IdentifyLearning'>['data'];
type ScrutinyData = CaseCommandOf<'PresentReportToScrutiny'>['data'];

/** A command entered live: `today` is the day it happened unless given. */
function command<T extends CaseCommandType>(
  type: T,
  data: CaseCommandOf<T>['data'],
  today: BusinessDate = data.occurredOn,
): CaseCommandOf<T> {
  return { type, today, data } as CaseCommandOf<T>;
}

/** The same command with some data changed; `today` moves with a later date unless given. */
function amend<T extends CaseCommandType>(
  original: CaseCommandOf<T>,
  change: Partial<CaseCommandOf<T>['data']>,
  today?: BusinessDate,
): CaseCommandOf<T> {
  const data = { ...original.data, ...change } as CaseCommandOf<T>['data'];
  const latest = data.occurredOn > original.today ? data.occurredOn : original.today;
  return { ...original, data, today: today ?? latest } as CaseCommandOf<T>;
}

function event<T extends CaseEventType>(
  type: T,
  data: Extract<CaseEvent, { type: T }>['data'],
): CaseEvent {
  return { type, data } as CaseEvent;
}

function withoutReason<D extends object>(data: D): Omit<D, 'reasonForDelay'> {
  const { reasonForDelay: _reason, ...rest } = data as D & { reasonForDelay?: DelayReason };
  return rest;
}

/** A step whose one event is the command's data (less its reason) plus the derived fields. */
function step(
  id: string,
  command: CaseCommand,
  status: CaseStatus,
  derived: Record<string, unknown> = {},
): Step {
  const data = { ...withoutReason(command.data), ...derived };
  return { id, command, status, events: [{ type: EVENT_OF[command.type], data } as CaseEvent] };
}

const isStep = (id: string) => (s: Step) => s.id === id || s.id.startsWith(`${id}/`);

/** The events of a seed up to and including step `id` (all of a ×n row). */
function until(steps: Step[], id: string): CaseEvent[] {
  let last = -1;
  steps.forEach((s, i) => {
    if (isStep(id)(s)) last = i;
  });
  if (last < 0) throw new Error(`No step ${id}`);
  return steps.slice(0, last + 1).flatMap((s) => s.events);
}

/** The events of one step (all of a ×n row). */
function events(steps: Step[], id: string): CaseEvent[] {
  return steps.filter(isStep(id)).flatMap((s) => s.events);
}

function commandOf(steps: Step[], id: string): CaseCommand {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`No step ${id}`);
  return found.command;
}

function fold(events: CaseEvent[]): CaseState {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Decides each step's command on the state the decider's own earlier events built. */
function replay(steps: Step[], through?: string) {
  let state = decider.initialState();
  const decided: { id: string; events: CaseEvent[]; status: CaseState['status'] }[] = [];
  for (const s of steps) {
    const events = decider.decide(s.command, state);
    state = events.reduce(decider.evolve, state);
    decided.push({ id: s.id, events, status: state.status });
    if (s.id === through) break;
  }
  return { state, steps: decided };
}

// ——— People and reasons ———

function lscbChair(lscb: string) {
  return { name: `Independent Chair, ${lscb}`, role: 'LSCB_CHAIR' as const };
}

function safeguardingPartners() {
  return { name: 'Police, health and local authority', role: 'SAFEGUARDING_PARTNERS' as const };
}

function b1DecisionDelay(): DelayReason {
  return {
    code: 'CHANGE_OF_STAFF',
    detail:
      'A change of key personnel within the LSCB office; the ongoing criminal investigation and care proceedings; a lack of clarity and timelines in the sub-group’s referral, information gathering and decision-making criterion',
  };
}

function b1CompletionDelay(): DelayReason {
  return {
    code: 'PARALLEL_PROCESSES',
    detail: 'Criminal investigation and care proceedings ran alongside the review',
  };
}

function rCompletionDelay(): DelayReason {
  return {
    code: 'PARALLEL_PROCESSES',
    detail:
      'Police, Health & Safety and social care investigations; the Health & Safety prosecution ended in September 2020',
  };
}

function familyAndCovid(): DelayReason {
  return {
    code: 'FAMILY_ENGAGEMENT',
    detail: 'Delays in meeting with the family, combined with Covid-19 restrictions',
  };
}

function christmasClosure(): DelayReason {
  return { code: 'OFFICE_CLOSURE', detail: 'Office closure over Christmas' };
}

function awaitingPolice(): DelayReason {
  return {
    code: 'AWAITING_POLICE_INVESTIGATION_OR_TRIAL',
    detail: 'Awaiting the outcome of the police investigation',
  };
}

function awaitingTrial(): DelayReason {
  return {
    code: 'AWAITING_POLICE_INVESTIGATION_OR_TRIAL',
    detail: 'Held back until the criminal trial ended',
  };
}

// ——— Child B1 (Leicester SCB, WT2013; §7.1) ———

function b1Referral() {
  return command('ReferCase', {
    occurredOn: '2014-10-07',
    caseId: 'B1',
    caseRef: 'LSCB-SCR-B1',
    regime: 'WT2013',
    referringAgency: 'Children’s Social Care',
    subjects: [
      {
        pseudonym: 'Child B1',
        role: 'SUBJECT',
        ageAtIncident: 2,
        sex: 'FEMALE',
        childProtectionPlan: true,
      },
      { pseudonym: 'Child 2', role: 'SIBLING', childProtectionPlan: true },
      { pseudonym: 'Child 3', role: 'SIBLING', childProtectionPlan: true },
      { pseudonym: 'Child 4', role: 'SIBLING', childProtectionPlan: true },
    ],
    incident: {
      type: 'SERIOUS_HARM',
      date: '2014-08-27',
      datePrecision: 'DAY',
      description: 'Choked; pre-hospital cardiac arrest; hypoxic brain injury',
    },
    becameAwareOn: '2014-08-27', // not in the seed: assumed the day of the incident
    abuseOrNeglect: 'KNOWN',
    themes: [
      'NEGLECT',
      'FAILURE_TO_THRIVE',
      'DOMESTIC_ABUSE',
      'PARENTAL_SUBSTANCE_MISUSE',
      'ATTACHMENT',
      'ESCALATION',
      'LEGAL_ADVICE',
      'RACE_AND_CULTURE',
    ],
    summary:
      'Subject of a child protection plan (neglect) from 12 June 2014; will require long-term care',
  });
}

function b1Consideration() {
  return command('ConsiderReferral', {
    occurredOn: '2014-10-07',
    body: 'SCR_SUBGROUP',
    outcome: 'DEFER_FOR_INFORMATION',
  });
}

function b1DecisionRecommendation() {
  return command('RecommendDecision', {
    occurredOn: '2014-12-15',
    recommendedOutcome: 'SCR_COMMISSIONED',
    rationale: 'Serious harm; neglect known; cause for concern about working together',
    recommendedBy: { name: 'Chair, SCR sub-group', role: 'Sub-group chair' },
  });
}

function b1Decision() {
  return command('RecordDecision', {
    occurredOn: '2014-12-19',
    decisionId: 'D-B1-1',
    outcome: 'SCR_COMMISSIONED',
    criteriaMet: true,
    criteriaApplied: [
      { criterion: 'Abuse or neglect known or suspected', result: 'MET' },
      { criterion: 'Seriously harmed and cause for concern about working together', result: 'MET' },
    ],
    rationale: 'WT2013 criteria met',
    decidedBy: lscbChair('Leicester LSCB'),
    reasonForDelay: b1DecisionDelay(),
  });
}

function b1PanelNotification() {
  return command('NotifyNationalPanel', {
    occurredOn: '2015-01-14',
    decisionId: 'D-B1-1',
    recipients: ['PANEL'],
  });
}

function b1Commission() {
  return command('CommissionReview', {
    occurredOn: '2015-01-14',
    reviewId: 'RV-B1',
    reviewType: 'SCR',
    methodology: 'WORKING_TOGETHER',
    leadReviewer: { name: 'Safron Rose', role: 'Independent lead reviewer and author' },
    periodFrom: '2010-10-20',
    periodTo: '2014-08-27',
    agenciesAsked: [
      'Leicester City CCG',
      'Leicestershire Partnership NHS Trust',
      'Early Years Support Team',
      'Children’s Social Care',
      'University Hospitals of Leicester NHS Trust',
    ],
    familyInvolvementPlanned: true,
  });
}

function b1LeadReviewer() {
  return command('AppointReviewer', {
    occurredOn: '2015-01-14',
    role: 'LEAD_REVIEWER',
    name: 'Safron Rose',
    organisation: 'Independent child protection consultant',
    independenceStatement:
      'Lead reviewer and author, independent of the agencies involved with Child B1 and the family (003 §4)',
  });
}

function b1PanelChair() {
  return command('AppointReviewer', {
    occurredOn: '2015-01-14',
    role: 'PANEL_CHAIR',
    name: 'Ruby Parry',
    organisation: 'Independent',
    independenceStatement:
      'Independent chair of the SCR panel, with no part in the services to Child B1 (003 §4)',
  });
}

function b1TermsOfReference() {
  return command('AgreeTermsOfReference', {
    occurredOn: '2015-01-14',
    periodFrom: '2010-10-20',
    periodTo: '2014-08-27',
    keyIssues: [
      'Child protection planning history',
      'Domestic violence and substance misuse',
      'Attachment',
      'Escalation policy',
      'Legal advice and social work decision-making',
      'Race, culture and gender',
      'Partnership with parents',
      'Each child’s wellbeing and voice',
    ],
  });
}

function b1LegalImrDeclined() {
  return command('RecordAgencyReportDeclined', {
    occurredOn: '2015-02-02',
    agency: 'Local Authority Legal Department',
    reportType: 'IMR',
    reason: 'Unable to provide a chronology or IMR; its contribution was discussed at the panel',
  });
}

function b1Pause(parallelProcessIds: string[], detail: string) {
  return command('PauseReview', {
    occurredOn: '2015-02-02',
    reason: parallelProcessIds.length ? 'PARALLEL_PROCESS' : 'OTHER',
    detail,
    parallelProcessIds,
  });
}

function notPursued(reason: string) {
  return command('RecordFamilyInvolvement', {
    occurredOn: '2015-02-02',
    involvement: 'NOT_PURSUED',
    familyMemberRole: 'father',
    reason,
  });
}

function b1Report() {
  return command('CompleteReport', {
    occurredOn: '2015-09-30',
    kind: 'OVERVIEW',
    author: 'Safron Rose',
  });
}

function b1SignOff() {
  return command('SignOffReport', {
    occurredOn: '2015-10-28',
    by: 'Leicester LSCB',
    reasonForDelay: b1CompletionDelay(),
  });
}

function b1Publication() {
  return command('PublishReview', { occurredOn: '2016-06-13', form: 'FULL_REPORT' });
}

/** [id, number (verbatim), agency, text (abridged)] of the agency recommendations, added 2015-03-02. */
function b1AgencyRecommendations(): [string, string, string, string][] {
  const lpt = 'Leicestershire Partnership NHS Trust';
  const csc = 'Children’s Social Care';
  return [
    [
      'CCG-1',
      'CCG 1',
      'Leicester City CCG',
      'Children with suspected failure to thrive should be referred for a paediatric assessment',
    ],
    [
      'CCG-2',
      'CCG 2',
      'Leicester City CCG',
      'If a child is failing to thrive and a non-organic cause is thought likely a referral for assessment by children’s social care should be made',
    ],
    ['LPT-2', 'LPT 2', lpt, 'To develop a Safeguarding Children Supervision Pathway …'],
    [
      'LPT-3',
      'LPT 3',
      lpt,
      'Practitioners are to be reminded not to share copies of child health records with partner agencies without consent …',
    ],
    [
      'LPT-5',
      'LPT 5',
      lpt,
      'When practitioners plan to review a child, the date of the review … is to be entered on the staff ledger …',
    ],
    [
      'EYST-ii',
      'EYST ii',
      'Early Years Support Team',
      'EYST should review and update the Safeguarding Policy and make sure it is relevant to those practitioners …',
    ],
    [
      'EYST-iii',
      'EYST iii',
      'Early Years Support Team',
      'EYST should review the following records …',
    ],
    [
      'CSC-2',
      'CSC 2',
      csc,
      'All assessments undertaken that involve domestic violence will result in advice and signposting to services and consider the impact on children',
    ],
    [
      'CSC-4',
      'CSC 4',
      csc,
      'The local authority will promote an assessment and intervention model …',
    ],
    [
      'CSC-5',
      'CSC 5',
      csc,
      'If a Child Protection Plan is not implemented or is not safeguarding a child the review conference must be brought forward to review the plan.',
    ],
    [
      'CSC-9',
      'CSC 9',
      csc,
      'Each referral taken within Duty and Advice will consider the family history …',
    ],
    [
      'CSC-11',
      'CSC 11',
      csc,
      'Strategy discussions when a child is suspected or is likely to suffer significant harm will be held with health professionals as well as police and any other relevant agencies.',
    ],
    [
      'LSCB-1',
      'LSCB 1',
      'Leicester LSCB',
      'All practitioners will have a greater understanding of how to respond to Failure to Thrive and the links with emotional abuse and neglect',
    ],
    [
      'LSCB-2',
      'LSCB 2',
      'Leicester LSCB',
      'Professional disagreements procedures will be initiated and escalated as appropriate …',
    ],
    [
      'UHL-1',
      'UHL 1',
      'University Hospitals of Leicester NHS Trust',
      'To ensure the findings from this review are effectively disseminated to Safeguarding Leads across UHL',
    ],
  ];
}

/** The overview report's recommendations (003 §23), added 2015-09-30. */
function b1OverviewRecommendations(): [string, string, string][] {
  return [
    [
      'OVR-23.1-i',
      '23.1(i)',
      'That the Safeguarding Children Board through its Learning and Improvement Framework set out a plan of audit against the actions set out for individual agencies …',
    ],
    [
      'OVR-23.1-ii',
      '23.1(ii)',
      'That Risk Assessment and Analysis training for multi-disciplinary practitioners’ addresses culturally sensitive practice …',
    ],
    [
      'OVR-23.1-iii',
      '23.1(iii)',
      'That the Safeguarding Children Board agree a clear protocol with legal services about how they will take part in Serious Case Reviews.',
    ],
    ['OVR-23.2-i', '23.2(i)', 'Conference chair to review invitation lists, including GPs'],
    [
      'OVR-23.2-ii',
      '23.2(ii)',
      'Check all elements of the child protection plan are completed before cessation',
    ],
    [
      'OVR-23.2-iii',
      '23.2(iii)',
      'Parental assessment to include the full history of both parents',
    ],
    [
      'OVR-23.2-iv',
      '23.2(iv)',
      'Review and update LSCB chapter 9.2 “Resolving Professional Disagreements” into a “Good practice” model',
    ],
    ['OVR-23.2-v', '23.2(v)', 'Multi-agency workshops on Parenting Capacity Assessments'],
  ];
}

function b1Recommendation(id: string) {
  const agency = b1AgencyRecommendations().find(([recId]) => recId === id);
  if (agency) {
    const [recommendationId, number, addressedTo, text] = agency;
    return command('AddRecommendation', {
      occurredOn: '2015-03-02',
      recommendationId,
      number,
      text,
      source: 'IMR',
      addressedTo,
      scope: addressedTo === 'Leicester LSCB' ? 'MULTI_AGENCY' : 'SINGLE_AGENCY',
      themes: [],
    });
  }
  const [recommendationId, number, text] = b1OverviewRecommendations().find(
    ([recId]) => recId === id,
  ) ?? [id, id, 'A recommendation not in the seed'];
  return command('AddRecommendation', {
    occurredOn: '2015-09-30',
    recommendationId,
    number,
    text,
    ...(recommendationId.startsWith('OVR-23.2')
      ? { source: 'REPEATED_FROM_PRIOR_REVIEW', repeats: { review: 'Child A and Child Q SCRs' } }
      : { source: 'OVERVIEW_REPORT' }),
    addressedTo: 'Leicester LSCB',
    scope: 'MULTI_AGENCY',
    themes: [],
  });
}

/** The recommendations whose actions B1-A01…A17 were all signed off by 2016-10-13 (§7.1). */
function b1RecommendationsWithActions(): string[] {
  return [...b1AgencyRecommendations().map(([id]) => id), 'OVR-23.1-iii'];
}

const B1_UNPLANNED = [
  'OVR-23.1-i',
  'OVR-23.1-ii',
  'OVR-23.2-i',
  'OVR-23.2-ii',
  'OVR-23.2-iii',
  'OVR-23.2-iv',
  'OVR-23.2-v',
];

function closedWithoutAction(recommendationId: string, occurredOn: BusinessDate = '2016-10-13') {
  return command('CloseRecommendationWithoutAction', {
    occurredOn,
    recommendationId,
    reason: 'Addressed through the LSCB learning and improvement framework; no separate action',
  });
}

function b1UnplannedClosed(occurredOn: BusinessDate = '2016-10-13'): CaseEvent[] {
  return B1_UNPLANNED.map((id) =>
    event('RecommendationClosedWithoutAction', closedWithoutAction(id, occurredOn).data),
  );
}

function b1Closure(settled = b1RecommendationsWithActions(), openEscalations = 0) {
  return command('CloseCase', {
    ...b1ClosedData(),
    recommendationsWithSettledActions: settled,
    openEscalations,
  });
}

function b1ClosedData() {
  return {
    occurredOn: '2016-12-31',
    reason: 'REVIEW_COMPLETE_ACTIONS_SIGNED_OFF' as const,
    closedBy: { name: 'Independent Chair, Leicester LSCB', role: 'LSCB Independent Chair' },
  };
}

function closedB1(): CaseEvent[] {
  return [...until(b1(), 'B1-56'), ...b1UnplannedClosed(), event('CaseClosed', b1ClosedData())];
}

function b1Reopening() {
  return command('ReopenCase', {
    occurredOn: '2017-01-10',
    reason: 'New information from the care proceedings',
  });
}

function b1(): Step[] {
  return [
    step('B1-01', b1Referral(), 'REFERRED', { regime: 'WT2013', decisionDueOn: '2014-11-07' }),
    step('B1-02', b1Consideration(), 'UNDER_CONSIDERATION'),
    step(
      'B1-03',
      command('RecordParallelProcess', {
        occurredOn: '2014-10-07',
        processId: 'PP-B1-1',
        processType: 'CRIMINAL_INVESTIGATION',
        leadAgency: 'Leicestershire Police',
        impact: ['DELAYS_DECISION'],
      }),
      'UNDER_CONSIDERATION',
    ),
    step(
      'B1-04',
      command('RecordParallelProcess', {
        occurredOn: '2014-10-07',
        processId: 'PP-B1-2',
        processType: 'CARE_PROCEEDINGS',
        leadAgency: 'Leicester City Council',
        impact: ['DELAYS_DECISION'],
      }),
      'UNDER_CONSIDERATION',
    ),
    step('B1-05', b1DecisionRecommendation(), 'DECISION_RECOMMENDED'),
    step('B1-06', b1Decision(), 'DECIDED_REVIEW', {
      dueOn: '2014-11-07',
      late: { clock: 'DECISION', dueOn: '2014-11-07', reason: b1DecisionDelay() },
    }),
    step('B1-08', b1PanelNotification(), 'DECIDED_REVIEW'),
    step('B1-09', b1Commission(), 'REVIEW_IN_PROGRESS', { targetCompletionOn: '2015-06-19' }),
    step('B1-10/LEAD_REVIEWER', b1LeadReviewer(), 'REVIEW_IN_PROGRESS'),
    step('B1-10/PANEL_CHAIR', b1PanelChair(), 'REVIEW_IN_PROGRESS'),
    step('B1-11', b1TermsOfReference(), 'REVIEW_IN_PROGRESS'),
    step('B1-12', b1LegalImrDeclined(), 'REVIEW_IN_PROGRESS'),
    step(
      'B1-13',
      command('RecordFamilyInvolvement', {
        occurredOn: '2015-02-02',
        involvement: 'INVITED',
        familyMemberRole: 'parents',
        method: 'LETTER',
      }),
      'REVIEW_IN_PROGRESS',
    ),
    ...b1AgencyRecommendations().map(([id]) =>
      step(`B1-14/${id}`, b1Recommendation(id), 'REVIEW_IN_PROGRESS'),
    ),
    step(
      'B1-21',
      command('RecordFamilyInvolvement', {
        occurredOn: '2015-04-30',
        involvement: 'NO_RESPONSE',
        familyMemberRole: 'parents',
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step('B1-43', b1Report(), 'REVIEW_IN_PROGRESS'),
    ...b1OverviewRecommendations().map(([id]) =>
      step(`B1-44/${id}`, b1Recommendation(id), 'REVIEW_IN_PROGRESS'),
    ),
    step('B1-46', b1SignOff(), 'REPORT_SIGNED_OFF', {
      late: { clock: 'REVIEW_COMPLETION', dueOn: '2015-06-19', reason: b1CompletionDelay() },
    }),
    step('B1-56', b1Publication(), 'PUBLISHED', {
      noticeShortfall: expect.stringMatching(/no notice/i),
    }),
  ];
}

// ——— Child R (Oxfordshire SCB, WT2010; §7.2) ———

function rReferral() {
  return command('ReferCase', {
    occurredOn: '2013-03-04',
    caseId: 'R',
    caseRef: 'OSCB-SCR-R',
    regime: 'WT2010',
    referringAgency: 'Oxfordshire Children’s Social Care',
    subjects: [
      {
        pseudonym: 'Child R',
        role: 'SUBJECT',
        ageAtIncident: 13,
        sex: 'FEMALE',
        lookedAfter: true,
      },
    ],
    incident: { type: 'DEATH', date: '2013-02-01', datePrecision: 'MONTH', suspectedSuicide: true },
    becameAwareOn: '2013-03-04', // not in the seed: assumed the referral date
    abuseOrNeglect: 'SUSPECTED',
    themes: ['SUICIDE', 'CHILDREN_IN_CARE', 'PLACEMENTS'],
    summary: 'Took her own life in an out-of-county residential placement',
  });
}

function rPause() {
  return command('PauseReview', {
    occurredOn: '2014-01-15',
    reason: 'PARALLEL_PROCESS',
    detail: 'Police, Health & Safety and social care investigations',
    parallelProcessIds: ['PP-R-1', 'PP-R-2', 'PP-R-3'],
  });
}

function rResumption() {
  return command('ResumeReview', {
    occurredOn: '2020-09-28',
    reason: 'Health & Safety prosecution concluded; SCR prepared for publication',
  });
}

function rScrutiny() {
  return command('PresentReportToScrutiny', {
    occurredOn: '2022-02-17',
    body: 'People Overview & Scrutiny Committee',
    outcome: 'NOTED',
    notes: 'Report dated 7 Feb 2022: recommended to note the findings, recommendations and actions',
  });
}

function rSignOff() {
  return command('SignOffReport', {
    occurredOn: '2021-11-10',
    by: 'OSCB',
    reasonForDelay: rCompletionDelay(),
  });
}

function r(): Step[] {
  const process = (
    id: string,
    processType: ParallelProcessData['processType'],
    leadAgency: string,
  ) =>
    step(
      `R-0${Number(id.slice(-1)) + 1}`,
      command('RecordParallelProcess', {
        occurredOn: '2013-03-04',
        processId: id,
        processType,
        leadAgency,
        impact: ['PAUSES_REVIEW'],
      }),
      'REFERRED',
    );
  const concluded = (id: string, occurredOn: BusinessDate, processId: string, outcome: string) =>
    step(
      id,
      command('ConcludeParallelProcess', { occurredOn, processId, outcome }),
      'REVIEW_PAUSED',
    );
  const findings: [string, string][] = [
    ['F-R-a', 'Working to keep children safe within their families continues to be a challenge …'],
    [
      'F-R-b',
      'Placement Planning and managing the complex needs of Children in Care needs sufficient placement availability …',
    ],
    [
      'F-R-c',
      'Where there is a risk of suicide, Children in Care should have a clearly articulated suicide prevention plan …',
    ],
  ];
  const areas = [
    'Early Help',
    'Early Help',
    'Tackling neglect',
    'Court orders',
    'Placement monitoring',
    'Placement monitoring',
    'Placement monitoring',
    'Placement insufficiency',
    'Health care',
    'Health care',
  ];
  return [
    step('R-01', rReferral(), 'REFERRED', { regime: 'WT2010', decisionDueOn: '2013-04-04' }),
    process('PP-R-1', 'CRIMINAL_INVESTIGATION', 'Thames Valley Police'),
    process('PP-R-2', 'HEALTH_AND_SAFETY_INVESTIGATION', 'Health and Safety Executive'),
    process('PP-R-3', 'SOCIAL_CARE_INVESTIGATION', 'Children’s Social Care'),
    step(
      'R-05',
      command('RecordDecision', {
        occurredOn: '2013-03-28',
        decisionId: 'D-R-1',
        outcome: 'SCR_COMMISSIONED',
        criteriaMet: true,
        criteriaApplied: [
          { criterion: 'The child died', result: 'MET' },
          { criterion: 'Abuse or neglect known or suspected', result: 'MET' },
        ],
        rationale: 'Child in care died; abuse or neglect suspected',
        decidedBy: lscbChair('OSCB'),
      }),
      'DECIDED_REVIEW',
      { dueOn: '2013-04-04' },
    ),
    step(
      'R-06',
      command('CommissionReview', {
        occurredOn: '2013-04-10',
        reviewId: 'RV-R',
        reviewType: 'SCR',
        methodology: 'OTHER',
        agenciesAsked: [],
        familyInvolvementPlanned: true,
      }),
      'REVIEW_IN_PROGRESS',
      { targetCompletionOn: '2013-09-28' },
    ),
    step(
      'R-07',
      command('IdentifyLearning', {
        occurredOn: '2013-07-01',
        learning: 'Immediate learning identified by the OSCB',
        immediateActions: [],
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step(
      'R-08',
      command('CompleteReport', { occurredOn: '2014-01-15', kind: 'SUMMARY' }),
      'REVIEW_IN_PROGRESS',
    ),
    step('R-09', rPause(), 'REVIEW_PAUSED'),
    concluded('R-10', '2014-12-31', 'PP-R-3', 'Social care investigation concluded'),
    concluded('R-11', '2016-06-30', 'PP-R-1', 'Police investigation concluded'),
    concluded(
      'R-12',
      '2020-09-21',
      'PP-R-2',
      'The home pleaded guilty to a breach of Health & Safety legislation',
    ),
    step('R-13', rResumption(), 'REVIEW_IN_PROGRESS'),
    step(
      'R-14',
      command('RecordNewInformation', {
        occurredOn: '2020-11-16',
        source: 'Health & Safety prosecution papers',
        summary: 'Further information that led to an updated report',
        affects: 'REPORT',
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step(
      'R-15',
      command('CompleteReport', {
        occurredOn: '2021-06-30',
        kind: 'OVERVIEW',
        version: '2',
        revisionReason: 'Updated with the Health & Safety prosecution papers',
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step('R-16', rSignOff(), 'REPORT_SIGNED_OFF', {
      late: { clock: 'REVIEW_COMPLETION', dueOn: '2013-09-28', reason: rCompletionDelay() },
    }),
    step(
      'R-17',
      command('PublishReview', { occurredOn: '2021-12-09', form: 'FULL_REPORT' }),
      'PUBLISHED',
    ),
    ...findings.map(([findingId, text]) =>
      step(
        `R-18/${findingId}`,
        command('RecordFinding', { occurredOn: '2021-12-09', findingId, text, themes: [] }),
        'PUBLISHED',
      ),
    ),
    ...areas.map((area, i) => {
      const number = String(i + 1);
      const recommendationId = `R-REC-${number.padStart(2, '0')}`;
      return step(
        `R-19/${recommendationId}`,
        command('AddRecommendation', {
          occurredOn: '2021-12-09',
          recommendationId,
          number,
          text: `${area} (text not in seed 000)`,
          source: 'OVERVIEW_REPORT',
          addressedTo: 'OSCB',
          scope: 'MULTI_AGENCY',
          themes: [],
        }),
        'PUBLISHED',
      );
    }),
    step('R-27', rScrutiny(), 'PUBLISHED'),
  ];
}

// ——— Sam & Kyle (Thurrock, WT2015 then WT2018; §7.3) ———

function skReferral() {
  return command('ReferCase', {
    occurredOn: '2018-01-22',
    caseId: 'SK',
    caseRef: 'TSCB-SCR-SK',
    regime: 'WT2015',
    referringAgency: 'Thurrock Children’s Social Care',
    subjects: [
      { pseudonym: 'Sam', role: 'SUBJECT', ageAtIncident: 2 },
      { pseudonym: 'Kyle', role: 'SIBLING' },
    ],
    incident: { type: 'DEATH', date: '2018-01-01', datePrecision: 'MONTH' },
    becameAwareOn: '2018-01-22', // not in the seed: assumed the referral date
    abuseOrNeglect: 'SUSPECTED',
    themes: ['NEGLECT', 'ESCALATION'],
    summary: 'Sam died at home aged 2; no presumption of non-accidental injury',
  });
}

function withPseudonyms(referral: CaseCommandOf<'ReferCase'>, subject: string, sibling: string) {
  const [first, second] = referral.data.subjects;
  return amend(referral, {
    subjects: [
      { ...first, pseudonym: subject },
      { ...second, pseudonym: sibling },
    ],
  });
}

function skDecision() {
  return command('RecordDecision', {
    occurredOn: '2018-02-19',
    decisionId: 'D-SK-1',
    outcome: 'SCR_COMMISSIONED',
    criteriaMet: true,
    criteriaApplied: [{ criterion: 'The child died', result: 'MET' }],
    rationale: 'Multi-agency learning suspected',
    decidedBy: lscbChair('Thurrock LSCB'),
  });
}

function skTransition() {
  return command('TransitionRegime', {
    occurredOn: '2019-05-01',
    toRegime: 'WT2018',
    newGovernance: 'Thurrock LSCP: police, health and children’s social care',
  });
}

function skExtension() {
  return command('ExtendReviewTimescale', {
    occurredOn: '2020-03-23',
    newTargetOn: '2020-06-30', // not in the seed: assumed
    reason: 'Delays in meeting with the family, and Covid-19 restrictions',
    approvedBy: { name: 'Chair', role: 'Thurrock LSCP Executive' },
  });
}

function skPractitionerEvent() {
  return command('RecordPractitionerEvent', {
    occurredOn: '2018-11-20',
    notes: 'Staff and managers contribute their perspectives',
  });
}

function skSignOff() {
  return command('SignOffReport', {
    occurredOn: '2020-06-15',
    by: 'Thurrock LSCP partner agencies',
    reasonForDelay: familyAndCovid(),
  });
}

function sk(): Step[] {
  const recommendations: [string, string][] = [
    [
      'SK-REC-1',
      'Thurrock Safeguarding Children Partnership should review within the next six months its procedure for the escalation of concerns …',
    ],
    [
      'SK-REC-2',
      'Thurrock Safeguarding Children Partnership should develop a series of practice workshops to be run between agencies …',
    ],
    [
      'SK-REC-3',
      'Thurrock Safeguarding Children Partnership should, using the principles within the Signs of Safety approach, review interagency procedures …',
    ],
    [
      'SK-REC-4',
      'Thurrock Safeguarding Children Partnership should consider auditing the operation of the Prevention and Support Service programme …',
    ],
    [
      'SK-REC-5',
      'Thurrock Safeguarding Children Partnership is recommended to encourage the continued development of the Signs of Safety approach …',
    ],
  ];
  return [
    step('SK-01', skReferral(), 'REFERRED', { regime: 'WT2015', decisionDueOn: '2018-02-22' }),
    step(
      'SK-02',
      command('RecordParallelProcess', {
        occurredOn: '2018-01-22',
        processId: 'PP-SK-1',
        processType: 'CRIMINAL_INVESTIGATION',
        leadAgency: 'Essex Police',
        impact: ['DELAYS_DECISION'],
      }),
      'REFERRED',
    ),
    step(
      'SK-03',
      command('ConcludeParallelProcess', {
        occurredOn: '2018-02-05',
        processId: 'PP-SK-1',
        outcome: 'No presumption of non-accidental injury; Essex Police took no further action',
      }),
      'REFERRED',
    ),
    step('SK-04', skDecision(), 'DECIDED_REVIEW', { dueOn: '2018-02-22' }),
    step(
      'SK-05',
      command('CommissionReview', {
        occurredOn: '2018-03-12',
        reviewId: 'RV-SK',
        reviewType: 'SCR',
        methodology: 'WORKING_TOGETHER',
        leadReviewer: { name: 'Independent author', role: 'Lead reviewer' },
        periodFrom: '2012-10-01',
        periodTo: '2018-01-31',
        agenciesAsked: ['Essex Police', 'Health', 'Children’s Social Care'],
        familyInvolvementPlanned: true,
      }),
      'REVIEW_IN_PROGRESS',
      { targetCompletionOn: '2018-08-19' },
    ),
    step(
      'SK-06',
      command('AgreeTermsOfReference', {
        occurredOn: '2018-03-12',
        periodFrom: '2012-10-01',
        periodTo: '2018-01-31',
        keyIssues: [
          'How well agencies co-ordinated; including universal services, shared information, understood threshold and escalated concerns.',
          'Dealing with neglect; use of tools and training.',
          'Professional confidence and curiosity, management oversight and the support offered to vulnerable parents.',
        ],
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step('SK-07', skPractitionerEvent(), 'REVIEW_IN_PROGRESS'),
    step('SK-08', skTransition(), 'REVIEW_IN_PROGRESS', { fromRegime: 'WT2015' }),
    step(
      'SK-09',
      command('RecordFamilyInvolvement', {
        occurredOn: '2019-06-03',
        involvement: 'INVITED',
        familyMemberRole: 'parents',
        method: 'Offer to meet the author',
      }),
      'REVIEW_IN_PROGRESS',
    ),
    step('SK-10', skExtension(), 'REVIEW_IN_PROGRESS'),
    step('SK-11', skSignOff(), 'REPORT_SIGNED_OFF', {
      late: { clock: 'REVIEW_COMPLETION', dueOn: '2018-08-19', reason: familyAndCovid() },
    }),
    // Published under WT2018 with no notice to the Panel on record: a warning, not a refusal.
    step(
      'SK-12',
      command('PublishReview', { occurredOn: '2020-07-30', form: 'FULL_REPORT' }),
      'PUBLISHED',
      {
        noticeShortfall: expect.stringMatching(/no notice/i),
      },
    ),
    ...recommendations.map(([recommendationId, text], i) =>
      step(
        `SK-13/${recommendationId}`,
        command('AddRecommendation', {
          occurredOn: '2020-07-30',
          recommendationId,
          number: String(i + 1),
          text,
          source: 'OVERVIEW_REPORT',
          addressedTo: 'Thurrock LSCP',
          scope: 'MULTI_AGENCY',
          themes: [],
          ...(i === 0 && { embeddedTimescale: 'within the next six months' }),
        }),
        'PUBLISHED',
      ),
    ),
    step(
      'SK-15',
      command('PresentReportToScrutiny', {
        occurredOn: '2020-10-06',
        body: 'Children’s Services O&S Committee',
        outcome: 'ACCEPTED',
        notes:
          'Recommended to accept the recommendations and the action plan (option: ask the LSCP to review the plan)',
      }),
      'PUBLISHED',
    ),
  ];
}

// ——— Oxfordshire CRAG referrals (WT2015; §7.4) ———

function oxReferral(caseId: string, occurredOn: BusinessDate, pseudonym: string) {
  return command('ReferCase', {
    occurredOn,
    caseId,
    caseRef: `OSCB-${caseId}`,
    regime: 'WT2015',
    referringAgency: 'Children’s Social Care',
    subjects: [{ pseudonym, role: 'SUBJECT' }],
    incident: { type: 'SERIOUS_HARM', datePrecision: 'MONTH' },
    becameAwareOn: occurredOn,
    abuseOrNeglect: 'SUSPECTED',
    themes: [],
    summary: 'Counts only in seed 001; details assumed',
  });
}

function ox1516Decision() {
  return command('RecordDecision', {
    occurredOn: '2015-11-09',
    decisionId: 'D-OX2-1',
    outcome: 'NO_FURTHER_ACTION',
    criteriaMet: false,
    criteriaApplied: [
      {
        criterion: 'Seriously harmed and cause for concern about working together',
        result: 'NOT_MET',
      },
    ],
    rationale: 'Criteria not met',
    decidedBy: lscbChair('OSCB'),
  });
}

function ox1516PanelNotification() {
  return command('NotifyNationalPanel', {
    occurredOn: '2015-11-16',
    decisionId: 'D-OX2-1',
    recipients: ['PANEL'],
  });
}

function ox1516Contest() {
  return command('ContestDecision', {
    occurredOn: '2016-01-20',
    decisionId: 'D-OX2-1',
    contestedBy: 'NATIONAL_PANEL',
    grounds: 'The Panel does not agree the criteria were applied correctly',
  });
}

function ox1516Reaffirmation() {
  return command('ReaffirmDecision', {
    occurredOn: '2016-02-15',
    decisionId: 'D-OX2-1',
    by: { name: 'Independent Chair, OSCB', role: 'LSCB Independent Chair' },
    rationale: 'Independent re-review: the criteria are still not met',
  });
}

function ox1516Revision() {
  return command('ReviseDecision', {
    occurredOn: '2016-02-15',
    decisionId: 'D-OX2-2',
    supersedesDecisionId: 'D-OX2-1',
    outcome: 'ALTERNATIVE_REVIEW',
    alternativeReviewType: 'PARTNERSHIP_REVIEW',
    criteriaMet: false,
    rationale: 'Criteria not met, but the work should be reviewed',
    reason: 'To ensure the work is reviewed and parents are able to inform this process',
    trigger: 'PANEL_CHALLENGE',
    decidedBy: lscbChair('OSCB'),
  });
}

function ox1516Commission() {
  return command('CommissionReview', {
    occurredOn: '2016-03-01',
    reviewId: 'RV-OX2',
    reviewType: 'PARTNERSHIP_REVIEW',
    methodology: 'OTHER',
    agenciesAsked: [],
    familyInvolvementPlanned: true,
  });
}

function ox1516(): Step[] {
  return [
    step('OX-1516-02-01', oxReferral('OX-1516-02', '2015-10-12', 'Child OX2'), 'REFERRED', {
      regime: 'WT2015',
      decisionDueOn: '2015-11-12',
    }),
    step(
      'OX-1516-02-02',
      command('ConsiderReferral', {
        occurredOn: '2015-11-04',
        body: 'CRAG',
        outcome: 'RECOMMEND_NFA',
      }),
      'UNDER_CONSIDERATION',
    ),
    step('OX-1516-02-03', ox1516Decision(), 'DECIDED_NO_REVIEW', { dueOn: '2015-11-12' }),
    step('OX-1516-02-04', ox1516PanelNotification(), 'DECIDED_NO_REVIEW', { dueOn: '2015-11-23' }),
    step('OX-1516-02-05', ox1516Contest(), 'DECISION_CONTESTED'),
    step('OX-1516-02-06', ox1516Reaffirmation(), 'DECIDED_NO_REVIEW'),
    step('OX-1516-02-07', ox1516Revision(), 'DECIDED_REVIEW'),
    step(
      'OX-1516-02-08',
      command('NotifyNationalPanel', {
        occurredOn: '2016-02-17',
        decisionId: 'D-OX2-2',
        recipients: ['PANEL'],
      }),
      'DECIDED_REVIEW',
    ),
    step('OX-1516-02-09', ox1516Commission(), 'REVIEW_IN_PROGRESS', {
      targetCompletionOn: '2016-08-15',
    }),
    step(
      'OX-1516-02-10',
      command('RecordFamilyInvolvement', {
        occurredOn: '2016-03-15',
        involvement: 'INVITED',
        familyMemberRole: 'parents',
      }),
      'REVIEW_IN_PROGRESS',
    ),
  ];
}

function ox1617Deferral() {
  return command('DeferDecision', {
    occurredOn: '2017-03-08',
    reason: 'AWAITING_POLICE',
    detail: 'Awaiting the outcome of the police investigation',
    nextConsiderationOn: '2017-04-05',
  });
}

function ox1617Decision(reasonForDelay?: DelayReason) {
  return command('RecordDecision', {
    occurredOn: '2017-04-05',
    decisionId: 'D-OX3-1',
    outcome: 'SCR_COMMISSIONED',
    criteriaMet: true,
    criteriaApplied: [],
    rationale: 'Police investigation outcome received',
    decidedBy: lscbChair('OSCB'),
    reasonForDelay,
  });
}

function ox1617(): Step[] {
  return [
    step('OX-1617-03-01', oxReferral('OX-1617-03', '2017-02-20', 'Child OX3'), 'REFERRED', {
      regime: 'WT2015',
      decisionDueOn: '2017-03-20',
    }),
    step(
      'OX-1617-03-02',
      command('ConsiderReferral', {
        occurredOn: '2017-03-08',
        body: 'CRAG',
        outcome: 'DEFER_FOR_INFORMATION',
      }),
      'UNDER_CONSIDERATION',
    ),
    step('OX-1617-03-03', ox1617Deferral(), 'DECISION_DEFERRED'),
  ];
}

// ——— Child T (synthetic, WT2018; §7.5) ———

function tReferral() {
  return command('ReferCase', {
    occurredOn: '2019-12-20',
    caseId: 'T',
    caseRef: 'LSCP-T',
    regime: 'WT2018',
    referringAgency: 'Local authority',
    subjects: [{ pseudonym: 'Child T', role: 'SUBJECT' }],
    incident: { type: 'SERIOUS_HARM', date: '2019-12-20', datePrecision: 'DAY' },
    becameAwareOn: '2019-12-20',
    abuseOrNeglect: 'SUSPECTED',
    themes: [],
    summary: 'Synthetic case for the WT2018 working-day clocks',
  });
}

function tNotification() {
  return command('NotifySeriousIncident', {
    occurredOn: '2020-01-02',
    becameAwareOn: '2019-12-20',
    notifiedTo: ['PANEL', 'OFSTED', 'DFE'],
    reasonForDelay: christmasClosure(),
  });
}

function tRapidReviewStart() {
  return command('StartRapidReview', { occurredOn: '2020-01-02' });
}

function tRapidReviewCompletion() {
  return command('CompleteRapidReview', {
    occurredOn: '2020-01-15',
    recommendation: 'RECOMMEND_NFA',
    submittedToPanelOn: '2020-01-15',
    learning: 'Learning captured by the rapid review',
  });
}

function tDecision() {
  return command('RecordDecision', {
    occurredOn: '2020-01-15',
    decisionId: 'D-T-1',
    outcome: 'NO_FURTHER_ACTION',
    criteriaMet: false,
    criteriaApplied: [],
    rationale: 'No local review: learning captured in the rapid review',
    decidedBy: safeguardingPartners(),
  });
}

function tPanelResponse(agreesWithDecision: boolean) {
  return command('RecordPanelResponse', {
    occurredOn: '2020-01-29',
    decisionId: 'D-T-1',
    agreesWithDecision,
    comments: agreesWithDecision ? 'Agrees' : 'Disagrees: local learning potential',
  });
}

function tContest() {
  return command('ContestDecision', {
    occurredOn: '2020-01-29',
    decisionId: 'D-T-1',
    contestedBy: 'NATIONAL_PANEL',
    grounds: 'Panel response: disagrees, local learning potential',
  });
}

function tRevision() {
  return command('ReviseDecision', {
    occurredOn: '2020-02-05',
    decisionId: 'D-T-2',
    supersedesDecisionId: 'D-T-1',
    outcome: 'LCSPR_COMMISSIONED',
    criteriaMet: true,
    rationale: 'Local learning potential',
    reason: 'The Panel identified local learning',
    trigger: 'PANEL_CHALLENGE',
    decidedBy: safeguardingPartners(),
  });
}

function tCommission() {
  return command('CommissionReview', {
    occurredOn: '2020-02-19',
    reviewId: 'RV-T',
    reviewType: 'LCSPR',
    methodology: 'REVIEWER_LED',
    leadReviewer: { name: 'Independent reviewer', role: 'Lead reviewer' },
    agenciesAsked: [],
    familyInvolvementPlanned: true,
  });
}

function tSignOff() {
  return command('SignOffReport', { occurredOn: '2020-07-20', by: 'Safeguarding partners' });
}

function tDeferral() {
  return command('DeferPublication', {
    occurredOn: '2020-07-20',
    reason: 'CRIMINAL_PROCEEDINGS',
    detail: 'Criminal trial listed for 2021',
  });
}

function tPublicationNotice() {
  return command('NotifyPanelOfPublication', {
    occurredOn: '2021-04-28',
    recipients: ['PANEL', 'SECRETARY_OF_STATE'],
    plannedPublicationOn: '2021-05-10',
  });
}

function tPublication() {
  return command('PublishReview', {
    occurredOn: '2021-05-10',
    form: 'FULL_REPORT',
    reasonForDelay: awaitingTrial(),
  });
}

function tWithholding() {
  return command('WithholdPublication', {
    occurredOn: '2021-05-10',
    reason: 'Publication would harm the surviving sibling',
    improvementInfoPublishedOn: '2021-05-10',
  });
}

/** Synthetic, like all of T: domain.md records no evaluation of any seed review. */
function tEvaluation() {
  return command('EvaluateReview', {
    occurredOn: '2021-06-01',
    evaluator: 'INTERNAL',
    grade: 'GOOD',
    commentary: 'Clear analysis of the working-day clocks; the family’s voice could be stronger',
  });
}

function t(): Step[] {
  return [
    step('T-01', tReferral(), 'REFERRED', { regime: 'WT2018' }),
    step('T-02', tNotification(), 'REFERRED', {
      dueOn: '2019-12-31',
      late: {
        clock: 'SERIOUS_INCIDENT_NOTIFICATION',
        dueOn: '2019-12-31',
        reason: christmasClosure(),
      },
    }),
    step('T-03', tRapidReviewStart(), 'UNDER_CONSIDERATION', { dueOn: '2020-01-15' }),
    step('T-04', tRapidReviewCompletion(), 'DECISION_RECOMMENDED'),
    step('T-05', tDecision(), 'DECIDED_NO_REVIEW'),
    step('T-06', tContest(), 'DECISION_CONTESTED'),
    step('T-07', tRevision(), 'DECIDED_REVIEW'),
    step(
      'T-08',
      command('RecordParallelProcess', {
        occurredOn: '2020-02-05',
        processId: 'PP-T-1',
        processType: 'CRIMINAL_PROCEEDINGS',
        leadAgency: 'Crown Prosecution Service',
        impact: ['DELAYS_PUBLICATION'],
      }),
      'DECIDED_REVIEW',
    ),
    step('T-09', tCommission(), 'REVIEW_IN_PROGRESS', {
      targetCompletionOn: '2020-08-05',
      publicationDueOn: '2020-08-05',
    }),
    step('T-10', tSignOff(), 'REPORT_SIGNED_OFF'),
    step('T-11', tDeferral(), 'PUBLICATION_DEFERRED'),
    step('T-12', tPublicationNotice(), 'PUBLICATION_DEFERRED'),
    step('T-13', tPublication(), 'PUBLISHED', {
      late: { clock: 'PUBLICATION', dueOn: '2020-08-05', reason: awaitingTrial() },
    }),
  ];
}

const EVENT_OF: Record<CaseCommandType, CaseEventType> = {
  ReferCase: 'CaseReferred',
  NotifySeriousIncident: 'SeriousIncidentNotified',
  ConsiderReferral: 'ReferralConsidered',
  DeferDecision: 'DecisionDeferred',
  StartRapidReview: 'RapidReviewStarted',
  CompleteRapidReview: 'RapidReviewCompleted',
  RecommendDecision: 'DecisionRecommended',
  RecordDecision: 'DecisionRecorded',
  NotifyNationalPanel: 'NationalPanelNotified',
  RecordPanelResponse: 'PanelResponded',
  ContestDecision: 'DecisionContested',
  ReaffirmDecision: 'DecisionReaffirmed',
  ReviseDecision: 'DecisionRevised',
  RecordParallelProcess: 'ParallelProcessRecorded',
  ConcludeParallelProcess: 'ParallelProcessConcluded',
  CommissionReview: 'ReviewCommissioned',
  PauseReview: 'ReviewPaused',
  ResumeReview: 'ReviewResumed',
  ExtendReviewTimescale: 'ReviewTimescaleExtended',
  AppointReviewer: 'ReviewerAppointed',
  AgreeTermsOfReference: 'TermsOfReferenceAgreed',
  RecordAgencyReportDeclined: 'AgencyReportDeclined',
  RecordPractitionerEvent: 'PractitionerEventHeld',
  IdentifyLearning: 'LearningIdentified',
  DisseminateLearning: 'LearningDisseminated',
  RecordFamilyInvolvement: 'FamilyInvolvementRecorded',
  CompleteReport: 'ReportCompleted',
  SignOffReport: 'ReportSignedOff',
  NotifyPanelOfPublication: 'PanelNotifiedOfPublication',
  DeferPublication: 'PublicationDeferred',
  PublishReview: 'ReviewPublished',
  WithholdPublication: 'PublicationWithheld',
  PresentReportToScrutiny: 'ReportPresentedToScrutiny',
  EvaluateReview: 'ReviewEvaluated',
  RecordFinding: 'FindingRecorded',
  AddRecommendation: 'RecommendationAdded',
  CloseRecommendationWithoutAction: 'RecommendationClosedWithoutAction',
  RecordNewInformation: 'NewInformationReceived',
  TransitionRegime: 'RegimeTransitioned',
  CloseCase: 'CaseClosed',
  ReopenCase: 'CaseReopened',
};

/** Every rule case.decide.ts and case.rules.ts name (grep for kebab-case literals there). */
const RULES = [
  'decision-needs-rationale',
  'recommendation-number-is-unique',
  'repeated-recommendation-names-its-review',
  'only-a-repeated-recommendation-repeats',
  'prior-recommendation-needs-case-and-id',
  'repeated-recommendation-on-record',
  'alternative-review-names-its-type',
  'awareness-not-before-incident',
  'case-already-referred',
  'case-must-be-referred-first',
  'case-needs-a-subject',
  'closure-not-before-last-fact',
  'commissioning-not-before-decision',
  'completion-not-before-start',
  'conclusion-not-before-start',
  'contest-current-decision',
  'contest-not-before-decision',
  'contested-decision-was-notified',
  'decider-holds-authority',
  'decision-id-is-new',
  'deferral-not-before-sign-off',
  'evaluation-not-before-sign-off',
  'extension-must-move-target-later',
  'extension-needs-open-review',
  'finding-id-is-new',
  'late-completion-needs-reason',
  'late-decision-needs-reason',
  'late-notification-needs-reason',
  'late-publication-needs-reason',
  'late-rapid-review-needs-reason',
  'no-agency-report-without-review',
  'no-change-to-closed-case',
  'no-closure-before-decision',
  'no-closure-before-publication-is-final',
  'no-closure-with-open-contest',
  'no-closure-with-open-escalations',
  'no-closure-with-open-parallel-processes',
  'no-closure-with-open-recommendations',
  'no-consideration-after-decision',
  'no-date-before-referral',
  'no-decision-before-referral',
  'no-deferral-after-decision',
  'no-evaluation-before-sign-off',
  'no-findings-before-decision',
  'no-future-dates',
  'no-learning-before-decision-or-rapid-review',
  'no-dissemination-before-learning',
  'no-pause-without-review',
  'no-practitioner-event-without-review',
  'no-publication-before-sign-off',
  'no-recommendation-after-decision',
  'no-recommendations-before-decision',
  'no-report-without-review',
  'no-review-before-decision-to-commission',
  'no-reviewer-without-review',
  'no-revision-during-review',
  'no-scrutiny-before-sign-off',
  'no-sign-off-without-review',
  'no-terms-of-reference-without-review',
  'not-pursuing-family-needs-reason',
  'notification-not-before-awareness',
  'notification-not-before-decision',
  'notified-decision-must-exist',
  'one-active-review',
  'one-open-contest',
  'one-rapid-review',
  'one-serious-incident-notification',
  'only-a-closed-case-reopens',
  'only-a-review-in-progress-pauses',
  'only-one-current-decision',
  'parallel-process-id-is-new',
  'parallel-process-must-be-open',
  'pause-needs-reason',
  'pause-not-before-review',
  'pause-references-open-processes',
  'planned-publication-not-before-notice',
  'pseudonyms-only',
  'publication-not-before-sign-off',
  'rapid-review-must-be-running',
  'rapid-review-needs-2018-regime',
  'rapid-review-needs-notification',
  'reaffirmation-needs-open-contest',
  'reaffirmation-not-before-contest',
  'recommendation-already-closed',
  'recommendation-id-is-new',
  'recommendation-must-exist',
  'referral-not-before-incident',
  'regime-follows-referral-date',
  'regime-in-force-on-transition',
  'regime-must-change',
  'reopening-not-before-closure',
  'report-not-before-commissioning',
  'response-not-before-decision',
  'response-to-current-decision',
  'resumption-not-before-pause',
  'review-already-paused',
  'review-conduct-not-before-commissioning',
  'review-not-paused',
  'review-type-matches-decision',
  'reviewer-independence-statement-required',
  'revision-must-change-something',
  'revision-needs-reason',
  'revision-not-before-decision',
  'revision-supersedes-current-decision',
  'scrutiny-not-before-sign-off',
  'sign-off-needs-review-in-progress',
  'sign-off-not-before-commissioning',
  'terms-period-in-order',
];
