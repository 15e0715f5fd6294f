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

  describe('when the seed cases notify, appoint, scope and look back on their reviews (domain.md §7)', () => {
    const say = (type: string, data: Record<string, unknown>, streamId = 'case-B1') =>
      sentenceFor({ streamId, type, data: { occurredOn: '2015-01-14', ...data } });

    it('names Ofsted in B1’s decision notification, which stands for B1-07 and B1-08', () => {
      expect(
        say('NationalPanelNotified', { decisionId: 'D-B1-1', recipients: ['OFSTED', 'PANEL'] }),
      ).toBe('Decision D-B1-1 notified to Ofsted and the Panel');
    });

    it('says who was appointed, to what, and why they are independent (B1-10)', () => {
      expect(
        say('ReviewerAppointed', {
          role: 'LEAD_REVIEWER',
          name: 'Safron Rose',
          organisation: 'Independent child protection consultant',
          independenceStatement: 'Independent of the agencies involved',
        }),
      ).toBe(
        'Lead reviewer appointed: Safron Rose (Independent child protection consultant); independence: Independent of the agencies involved',
      );
      expect(
        say('ReviewerAppointed', { role: 'AUTHOR', name: 'Author', organisation: 'OSCB' }),
      ).toBe('Author appointed: Author (OSCB)');
    });

    it('gives the period of the terms of reference and each key issue (SK-06)', () => {
      expect(
        say('TermsOfReferenceAgreed', {
          periodFrom: '2012-10-01',
          periodTo: '2018-01-31',
          keyIssues: ['Co-ordination', 'Neglect', 'Curiosity'],
        }),
      ).toBe(
        'Terms of reference agreed for 2012-10-01 to 2018-01-31, 3 key issues: Co-ordination; Neglect; Curiosity',
      );
    });

    it('says which agency declined which report, and why (B1-12)', () => {
      expect(
        say('AgencyReportDeclined', {
          agency: 'Local Authority Legal Department',
          reportType: 'IMR',
          reason: 'Unable to provide a chronology or IMR',
        }),
      ).toBe(
        'IMR declined by Local Authority Legal Department: Unable to provide a chronology or IMR',
      );
    });

    it('counts a practitioner event’s attendance by agency when it was counted (SK-07)', () => {
      expect(say('PractitionerEventHeld', { notes: 'Staff and managers contribute' })).toBe(
        'Practitioner event held: Staff and managers contribute',
      );
      expect(
        say('PractitionerEventHeld', {
          attendees: [
            { agency: 'Essex Police', count: 3 },
            { agency: 'Thurrock CSC', count: 8 },
          ],
        }),
      ).toBe('Practitioner event held with 11 practitioners (Essex Police 3 and Thurrock CSC 8)');
    });

    it('says the learning and any immediate actions (R-07)', () => {
      expect(
        say('LearningIdentified', {
          learning: 'Immediate learning identified by the OSCB',
          immediateActions: [],
        }),
      ).toBe('Learning identified: Immediate learning identified by the OSCB');
      expect(
        say('LearningIdentified', { learning: 'Placements', immediateActions: ['Audit', 'Brief'] }),
      ).toBe('Learning identified: Placements; immediate actions: Audit; Brief');
    });

    it('says what the scrutiny committee did with the report (R-27, SK-15)', () => {
      expect(
        say('ReportPresentedToScrutiny', {
          body: 'People Overview & Scrutiny Committee',
          outcome: 'NOTED',
          notes: 'Recommended to note the findings',
        }),
      ).toBe(
        'Report presented to the People Overview & Scrutiny Committee, which noted it: Recommended to note the findings',
      );
      expect(
        say('ReportPresentedToScrutiny', {
          body: 'Children’s Services O&S Committee',
          outcome: 'REQUESTED_ACTION_PLAN_REVIEW',
        }),
      ).toBe(
        'Report presented to the Children’s Services O&S Committee, which asked for its action plan to be reviewed',
      );
    });

    it('says the grade, who gave it and why', () => {
      expect(
        say('ReviewEvaluated', { evaluator: 'OFSTED', grade: 'GOOD', commentary: 'Clear' }),
      ).toBe('Review graded good by Ofsted: Clear');
      expect(
        say('ReviewEvaluated', { evaluator: 'INTERNAL', grade: 'INADEQUATE', commentary: 'Thin' }),
      ).toBe('Review graded inadequate by the partnership (internal evaluation): Thin');
    });
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
