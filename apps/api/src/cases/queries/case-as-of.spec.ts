import type { DomainEvent } from '@casetrail/domain';
import { b1Steps, historyOf } from '@casetrail/domain/action/testing/seed-actions';
import type { StoredEvent } from '@casetrail/event-store';
import { childB1, childR, childT } from '@casetrail/projections/case-status/testing/sample-cases';
import { storedEvent } from '../../testing/stored-events';
import { type CaseLog, caseAsOf } from './case-as-of';

/*
 * The case as it stood on a date, replayed from stored events (domain.md §0.3 item 7, §6.3).
 * Expected values are counted by hand from domain.md §7.
 */

describe('a case as it stood on a date', () => {
  describe('Child R on 2020-06-30 (§7.2)', () => {
    it('is paused since 2014-01-15: 2,358 days, with only the Health & Safety investigation open', () => {
      const r = caseAsOf(log(stream('case-R', childR)), '2020-06-30', 'effective')!;
      expect(r.status).toBe('REVIEW_PAUSED');
      expect(r.review?.pausedSince).toBe('2014-01-15');
      // 2014-01-15 → 2020-01-15 is 6 × 365 + 1 (29 Feb 2016) = 2,191; → 2020-06-30 another 167.
      expect(r.pausedDays).toBe(2358);
      expect(r.openParallelProcesses).toEqual([
        {
          processId: 'PP-R-2',
          processType: 'HEALTH_AND_SAFETY_INVESTIGATION',
          leadAgency: 'Health and Safety Executive',
          impact: ['PAUSES_REVIEW'],
          startedOn: '2013-03-04',
        },
      ]);
      expect(r.counts.openParallelProcesses).toBe(1);
    });

    it('counts a closed pause in full once the review resumed (2014-01-15 → 2020-09-28: 2,448 days)', () => {
      const resumed = caseAsOf(log(stream('case-R', childR)), '2020-10-01', 'effective')!;
      expect(resumed.status).toBe('REVIEW_IN_PROGRESS');
      expect(resumed.review?.pausedSince).toBeNull();
      expect(resumed.pausedDays).toBe(2448);
    });
  });

  describe('Child T (§7.5)', () => {
    const t = (asOf: string) => caseAsOf(log(stream('case-T', childT)), asOf, 'effective')!;

    it('has D-T-1 in force on 2020-01-20, the Panel not yet heard', () => {
      const view = t('2020-01-20');
      expect(view.status).toBe('DECIDED_NO_REVIEW');
      expect(view.currentDecision).toMatchObject({
        decisionId: 'D-T-1',
        outcome: 'NO_FURTHER_ACTION',
        rationale: 'Learning captured in the rapid review.',
      });
      expect(view.openContest).toBe(false);
      // Notification due 2019-12-31, made 2020-01-02: 2 calendar days late; rapid review on time.
      expect(clock(view, 'SERIOUS_INCIDENT_NOTIFICATION')).toMatchObject({
        status: 'BREACHED',
        daysLate: 2,
        completedOn: '2020-01-02',
      });
      expect(clock(view, 'RAPID_REVIEW')).toMatchObject({
        status: 'MET',
        dueOn: '2020-01-15',
        completedOn: '2020-01-15',
      });
    });

    it('on 2020-09-01 is deferred with D-T-2 in force, signed off in time and 27 days past the publication target', () => {
      const view = t('2020-09-01');
      expect(view.status).toBe('PUBLICATION_DEFERRED');
      expect(view.decisions.map((d) => [d.decisionId, d.current, d.supersedesDecisionId])).toEqual([
        ['D-T-1', false, null],
        ['D-T-2', true, 'D-T-1'],
      ]);
      // Both targets run from the revised decision, 2020-02-05 + 6 months = 2020-08-05.
      expect(clock(view, 'REVIEW_COMPLETION')).toMatchObject({
        anchorOn: '2020-02-05',
        status: 'MET',
        completedOn: '2020-07-20',
      });
      // 2020-08-05 → 2020-09-01: 26 days of August left + 1.
      expect(clock(view, 'PUBLICATION')).toMatchObject({ status: 'BREACHED', daysLate: 27 });
      expect(view.nextDeadline).toEqual({
        name: 'PUBLICATION',
        dueOn: '2020-08-05',
        daysRemaining: null,
        daysOverdue: 27,
      });
      expect(view.openParallelProcesses.map((p) => p.processId)).toEqual(['PP-T-1']);
    });
  });

  describe('Child B1 before its decision (§7.1, 2014-11-30)', () => {
    it('is under consideration, no decision, the one-month clock 23 days breached', () => {
      const view = caseAsOf(log(stream('case-B1', childB1)), '2014-11-30', 'effective')!;
      expect(view.status).toBe('UNDER_CONSIDERATION');
      expect(view.currentDecision).toBeNull();
      expect(view.clocks).toEqual([
        expect.objectContaining({
          name: 'DECISION',
          dueOn: '2014-11-07',
          status: 'BREACHED',
          daysLate: 23,
          completedOn: null,
        }),
      ]);
      expect(view.breachedClocks).toBe(1);
      expect(view.openParallelProcesses.map((p) => p.processId)).toEqual(['PP-B1-1', 'PP-B1-2']);
    });

    it('did not exist before its referral', () => {
      expect(caseAsOf(log(stream('case-B1', childB1)), '2014-10-06', 'effective')).toBeUndefined();
    });
  });

  describe('when a fact reached the board after it happened (B1-17: done 2015-03-27, known 2015-04-15)', () => {
    const b1 = () =>
      log(stream('case-B1', childB1), [
        stream('action-B1-A03', historyOf(b1Steps(), 'B1-A03'), (e) =>
          e.type === 'ActionCompleted' ? '2015-04-15' : occurredOn(e),
        ),
      ]);

    it('counts it as effective on 2015-04-01: complete, 4 days early', () => {
      const view = caseAsOf(b1(), '2015-04-01', 'effective')!;
      expect(view.actions).toEqual([
        expect.objectContaining({
          actionId: 'B1-A03',
          status: 'COMPLETE',
          subStatus: 'AWAITING_SIGN_OFF',
          daysEarly: 4,
        }),
      ]);
      expect(view.learnedLater).toBe(1);
    });

    it('leaves it out as known on 2015-04-01: the board saw it 1 day overdue (due 2015-03-31)', () => {
      const view = caseAsOf(b1(), '2015-04-01', 'known')!;
      expect(view.actions).toEqual([
        expect.objectContaining({ actionId: 'B1-A03', status: 'OVERDUE', daysOverdue: 1 }),
      ]);
      expect(view.actionCounts).toMatchObject({ total: 1, overdue: 1, complete: 0 });
      expect(view.learnedLater).toBe(1);
    });

    it('knows it from 2015-04-15', () => {
      const view = caseAsOf(b1(), '2015-04-15', 'known')!;
      expect(view.actions[0]).toMatchObject({ status: 'COMPLETE', completedOn: '2015-03-27' });
      expect(view.learnedLater).toBe(0);
    });
  });

  describe('when the case was entered live, long after the facts', () => {
    const recordedToday = () => log(stream('case-T', childT, () => undefined));

    it('was not known at all before it was recorded', () => {
      expect(caseAsOf(recordedToday(), '2020-01-20', 'known')).toBeUndefined();
    });

    it('is known in full from the day it was recorded', () => {
      expect(caseAsOf(recordedToday(), RECORDED_ON, 'known')?.status).toBe('PUBLISHED');
    });
  });

  describe('escalations of the actions (B1-22, B1-25, B1-29)', () => {
    const b1 = () =>
      log(
        stream('case-B1', childB1),
        [stream('action-B1-A02', historyOf(b1Steps(), 'B1-A02'))],
        [
          stream('escalation-B1-E-A02', [
            escalation('EscalationRaised', '2015-05-06', {
              escalationId: 'B1-E-A02',
              subject: { kind: 'ACTION', id: 'B1-A02', caseId: 'B1' },
              reason: 'OVERDUE',
              detail: '28 days overdue',
              level: 1,
              addressedTo: 'Chair of the monitoring subgroup',
              raisedBy: { name: 'Business unit', role: 'LSCB' },
              automatic: false,
            }),
            escalation('EscalationReferredUp', '2015-06-03', {
              toLevel: 2,
              addressedTo: 'Executive group',
              reason: '56 days overdue',
              automatic: false,
            }),
            escalation('EscalationResolved', '2015-07-06', {
              outcome: 'ACTION_COMPLETED',
              note: 'Action completed',
              by: { name: 'Business unit', role: 'LSCB' },
            }),
          ]),
        ],
      );

    it('shows the highest open level on the date, on the case and on the action', () => {
      const view = caseAsOf(b1(), '2015-06-10', 'effective')!;
      expect(view.openEscalations).toEqual([
        expect.objectContaining({
          escalationId: 'B1-E-A02',
          subjectId: 'B1-A02',
          level: 2,
          since: '2015-06-03',
          raisedOn: '2015-05-06',
        }),
      ]);
      expect(view.escalationLevel).toBe(2);
      expect(view.actions[0]).toMatchObject({
        actionId: 'B1-A02',
        status: 'OVERDUE',
        escalationLevel: 2,
        escalatedTo: 'Executive group',
      });
    });

    it('has none open before the first or after the resolution', () => {
      expect(caseAsOf(b1(), '2015-05-05', 'effective')!.openEscalations).toEqual([]);
      const resolved = caseAsOf(b1(), '2015-07-06', 'effective')!;
      expect(resolved.openEscalations).toEqual([]);
      expect(resolved.escalationLevel).toBe(0);
    });
  });
});

/* Fixtures */

/** The day `storedEvent` records events on. */
const RECORDED_ON = '2026-11-23';

/**
 * Events as the store returns them, appended today. By default each is history entered after
 * the fact and known on the day it happened, as the demo loads the seeds; `knownOn` overrides
 * that per event, and returning undefined makes it a live entry (known when recorded).
 */
function stream(
  streamId: string,
  events: readonly DomainEvent[],
  knownOn: (event: DomainEvent) => string | undefined = occurredOn,
): StoredEvent[] {
  return events.map((event, i) => storedEvent(streamId, i + 1, event, knownOn(event)));
}

function occurredOn(event: DomainEvent): string {
  return (event.data as { occurredOn: string }).occurredOn;
}

function log(
  caseEvents: StoredEvent[],
  actions: StoredEvent[][] = [],
  escalations: StoredEvent[][] = [],
): CaseLog {
  return { caseEvents, actions, escalations };
}

function escalation(type: string, occurredOn: string, data: object): DomainEvent {
  return { type, data: { occurredOn, ...data } };
}

function clock(view: { clocks: { name: string }[] }, name: string) {
  return view.clocks.find((c) => c.name === name);
}
