import { DEFAULT_CASE_DECIDER_CONFIG } from '@casetrail/domain';
import { ACTION_EVENT_TYPES, ESCALATION_EVENT_TYPES } from '@casetrail/projections';
import { caseStatusProjection } from '@casetrail/projections/case-status/case-status.projection';
import { childT } from '@casetrail/projections/case-status/testing/sample-cases';
import {
  AUDITED_EVENT_TYPES,
  genericSentence,
  humanize,
  listOf,
  sentenceFor,
} from './event-sentences';

const rules = DEFAULT_CASE_DECIDER_CONFIG;

describe('the sentence of an event', () => {
  describe('when a decision was recorded after its deadline (B1-06, domain.md §7.1)', () => {
    const decision = {
      streamId: 'case-B1',
      type: 'DecisionRecorded',
      data: {
        occurredOn: '2014-12-19',
        decisionId: 'D-B1-1',
        outcome: 'SCR_COMMISSIONED',
        criteriaMet: true,
        criteriaApplied: [],
        rationale: 'Seriously harmed child subject of a child protection plan',
        decidedBy: { name: 'Independent Chair of the LSCB', role: 'LSCB_CHAIR' },
        dueOn: '2014-11-07',
        late: {
          clock: 'DECISION',
          dueOn: '2014-11-07',
          reason: {
            code: 'CHANGE_OF_STAFF',
            detail: 'A change of key personnel within the LSCB Office',
          },
        },
      },
    };

    it('says who decided what, how late against which timescale, and why', () => {
      // 2014-11-07 → 2014-11-30 is 23 days, → 2014-12-19 another 19: 42.
      expect(sentenceFor(decision, { regime: 'WT2013', rules })).toBe(
        'Decision D-B1-1 recorded: SCR commissioned, by Independent Chair of the LSCB (LSCB_CHAIR), ' +
          '42 days after the one-month deadline of 2014-11-07 — reason: A change of key personnel within the LSCB Office',
      );
    });

    it('still says how late when the regime is unknown, without naming the timescale', () => {
      expect(sentenceFor(decision)).toContain('42 days after the deadline of 2014-11-07');
    });
  });

  it("counts working days for a working-day clock: Child T's notification is 1 working day late (§7.5)", () => {
    const notification = childT.find((e) => e.type === 'SeriousIncidentNotified')!;
    expect(sentenceFor({ streamId: 'case-T', ...notification }, { regime: 'WT2018', rules })).toBe(
      'Serious incident notified to the Panel, Ofsted and DfE (aware since 2019-12-20), ' +
        '1 working day after the 5-working-day deadline of 2019-12-31 — reason: Office closure over Christmas',
    );
  });

  it('names a review or publication target as a target', () => {
    const published = childT.find((e) => e.type === 'ReviewPublished')!;
    expect(sentenceFor({ streamId: 'case-T', ...published }, { regime: 'WT2018', rules })).toBe(
      'Review published (full report), 278 days after the six-month target of 2020-08-05 — reason: Held back until the criminal trial',
    );
  });

  it('takes the action or escalation id from the stream, since their events do not repeat it', () => {
    expect(
      sentenceFor({
        streamId: 'action-B1-A16',
        type: 'ActionCompleted',
        data: {
          occurredOn: '2015-03-31',
          completedBy: 'Action lead',
          summary: 'Robust referral taking in place',
          evidence: [],
        },
      }),
    ).toBe('Action B1-A16 completed by Action lead: Robust referral taking in place');
    expect(
      sentenceFor({
        streamId: 'escalation-B1-E-A02',
        type: 'EscalationReferredUp',
        data: {
          occurredOn: '2015-06-03',
          toLevel: 2,
          addressedTo: 'Executive group',
          reason: '56 days overdue',
          automatic: true,
          daysOverdue: 56,
        },
      }),
    ).toBe(
      'Escalation B1-E-A02 referred up to level 2 (Executive group), 56 days overdue (automatic)',
    );
  });

  it('says an incident known only to the month in words', () => {
    const referred = sentenceFor({
      streamId: 'case-R',
      type: 'CaseReferred',
      data: {
        occurredOn: '2013-03-04',
        caseRef: 'SCR Child R',
        referringAgency: "Oxfordshire Children's Social Care",
        subjects: [{ pseudonym: 'Child R', role: 'SUBJECT' }],
        incident: { type: 'DEATH', date: '2013-02-01', datePrecision: 'MONTH' },
        regime: 'WT2010',
        decisionDueOn: '2013-04-04',
      },
    });
    expect(referred).toBe(
      "Case SCR Child R referred by Oxfordshire Children's Social Care: Child R, death in February 2013; regime WT2010; decision due by 2013-04-04",
    );
  });

  describe('when the type is not a case, action or escalation event', () => {
    it('names the type, even for a name that Object.prototype knows', () => {
      expect(sentenceFor({ streamId: 'load-1', type: 'LoadGenerated', data: {} })).toBe(
        genericSentence('LoadGenerated'),
      );
      expect(sentenceFor({ streamId: 'load-1', type: 'toString', data: {} })).toBe(
        genericSentence('toString'),
      );
    });
  });

  it('knows every event type the case and action-plan read models handle', () => {
    expect([...AUDITED_EVENT_TYPES].sort()).toEqual(
      [...caseStatusProjection.handles, ...ACTION_EVENT_TYPES, ...ESCALATION_EVENT_TYPES].sort(),
    );
  });
});

describe('codes and lists in prose', () => {
  it('keeps acronyms and lowers the rest', () => {
    expect(humanize('SCR_COMMISSIONED')).toBe('SCR commissioned');
    expect(humanize('NO_FURTHER_ACTION')).toBe('no further action');
    expect(humanize('OFSTED')).toBe('Ofsted');
  });

  it('joins with commas and a final "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
