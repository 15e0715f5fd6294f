import type { ActionStatusOn } from '@casetrail/domain';
import type {
  ActionFact,
  DecisionFact,
  EvaluationFact,
  FamilyInvolvementFact,
  ParallelProcessFact,
  RecommendationFact,
  ReferralFact,
  ReviewFact,
} from '../report-facts';
import { type AnnualReportFacts, buildAnnualReport, completionBand } from './annual-report';

const YEAR_2016_17 = { from: '2016-04-01', to: '2017-03-31' };

describe('the annual report', () => {
  describe('when the OSCB reports its 2016/17 referrals (seed 001, domain.md §7.4)', () => {
    const report = () => buildAnnualReport(YEAR_2016_17, oxfordshire());

    it('counts four referrals: one from Thames Valley Police, three from Children’s Social Care', () => {
      expect(report().referrals).toEqual({
        total: 4,
        bySourceAgency: [
          { agency: "Children's Social Care", count: 3 },
          { agency: 'Thames Valley Police', count: 1 },
        ],
      });
    });

    it('counts one SCR and one partnership review decided, leaving out the 2015/16 case', () => {
      const { decisions } = report();
      expect(decisions.total).toBe(2);
      expect(decisions.byOutcome).toEqual({
        SCR_COMMISSIONED: 1,
        LCSPR_COMMISSIONED: 0,
        ALTERNATIVE_REVIEW: 1,
        NO_FURTHER_ACTION: 0,
        REFERRED_FOR_NATIONAL_REVIEW: 0,
      });
      expect(decisions.alternativeReviewTypes).toEqual({ PARTNERSHIP_REVIEW: 1 });
      expect(decisions.revisions).toBe(0);
    });

    it('leaves two decisions pending at the year end, 39 and 18 days old', () => {
      expect(report().pendingAtPeriodEnd).toEqual({
        total: 2,
        cases: [
          { caseId: 'OX-1617-03', caseRef: 'OX-1617-03', referredOn: '2017-02-20', ageDays: 39 },
          { caseId: 'OX-1617-04', caseRef: 'OX-1617-04', referredOn: '2017-03-13', ageDays: 18 },
        ],
      });
    });

    it('decided both within one month: in 23 and 28 days', () => {
      const t = report().timeToDecision;
      expect(t).toMatchObject({
        decided: 2,
        withinStandard: 2,
        outsideStandard: 0,
        percentWithinStandard: 100,
        medianDays: 25.5,
      });
      expect(t.cases.map((c) => [c.caseId, c.days, c.deadline])).toEqual([
        ['OX-1617-01', 23, '2016-06-10'],
        ['OX-1617-02', 28, '2016-10-14'],
      ]);
    });

    it('counts children with no age or sex recorded as NOT_RECORDED', () => {
      const { children } = report();
      expect(children.total).toBe(4);
      expect(children.byAgeBand).toMatchObject({ NOT_RECORDED: 4, UNDER_1: 0 });
      expect(children.bySex).toMatchObject({ NOT_RECORDED: 4, FEMALE: 0, MALE: 0 });
      expect(children.byAgeBandAndSex).toEqual([
        { ageBand: 'NOT_RECORDED', sex: 'NOT_RECORDED', count: 4 },
      ]);
    });

    it('shows the two reviews commissioned in the year and an empty completion table', () => {
      const r = report();
      expect(r.reviews).toMatchObject({
        commissioned: 2,
        commissionedByType: { SCR: 1, PARTNERSHIP_REVIEW: 1 },
        commissionedByMethodology: { SCIE_SYSTEMS: 1, OTHER: 1 },
      });
      expect(r.reviewCompletion.completed).toBe(0);
      expect(r.reviewCompletion.byEvaluation).toContainEqual({
        evaluation: 'NOT_EVALUATED',
        bands: { UNDER_6_MONTHS: 0, '6_TO_12_MONTHS': 0, '1_TO_2_YEARS': 0, OVER_2_YEARS: 0 },
        total: 0,
      });
    });
  });

  describe('when reviews are signed off in the year (Sam & Kyle and Child T, 2020/21)', () => {
    const report = () =>
      buildAnnualReport({ from: '2020-04-01', to: '2021-03-31' }, samAndKyleAndT());

    it('bands each from the decision in force at sign-off: T’s revision, not its first decision', () => {
      const completion = report().reviewCompletion;
      expect(completion.reviews.map((r) => [r.caseId, r.decidedOn, r.days, r.band])).toEqual([
        ['SK', '2018-02-19', 847, 'OVER_2_YEARS'],
        ['T', '2020-02-05', 166, 'UNDER_6_MONTHS'],
      ]);
      expect(completion.bands).toEqual({
        UNDER_6_MONTHS: 1,
        '6_TO_12_MONTHS': 0,
        '1_TO_2_YEARS': 0,
        OVER_2_YEARS: 1,
      });
    });

    it('cross-tabulates with the external evaluation, NOT_EVALUATED while none is recorded', () => {
      const rows = report().reviewCompletion.byEvaluation;
      expect(rows.map((r) => [r.evaluation, r.total])).toEqual([
        ['OUTSTANDING', 0],
        ['GOOD', 0],
        ['ADEQUATE', 0],
        ['INADEQUATE', 0],
        ['NOT_EVALUATED', 2],
      ]);
      expect(report().reviewCompletion.reviews.map((r) => r.evaluatedBy)).toEqual([null, null]);
    });

    it('counts recommendations and actions opened, completed and closed in the year', () => {
      const r = report();
      expect(r.recommendations).toEqual({
        opened: 2,
        multiAgencyOpened: 2,
        closed: 1,
        closedWithActionsComplete: 1,
        closedWithoutAction: 0,
      });
      expect(r.actions).toEqual({ opened: 2, completed: 1, signedOff: 0, withdrawn: 0 });
    });

    it('has no decision to time, so no median and no percentage', () => {
      expect(report().timeToDecision).toMatchObject({
        decided: 0,
        medianDays: null,
        percentWithinStandard: null,
      });
    });
  });

  describe('when the reviews signed off in 2020/21 are later evaluated (synthetic: no seed has a grade)', () => {
    const YEAR_2020_21 = { from: '2020-04-01', to: '2021-03-31' };
    const graded = (...evaluations: EvaluationFact[]) =>
      buildAnnualReport(YEAR_2020_21, { ...samAndKyleAndT(), evaluations }).reviewCompletion;

    it('puts each review in the row of its grade and the column of its completion time (Ofsted 004 Table 3)', () => {
      const completion = graded(
        evaluation('SK', 20, 'INTERNAL', 'ADEQUATE', '2020-11-20'),
        evaluation('T', 21, 'INTERNAL', 'GOOD', '2021-06-01'),
      );
      expect(
        completion.reviews.map((r) => [r.caseId, r.band, r.evaluation, r.evaluatedBy]),
      ).toEqual([
        ['SK', 'OVER_2_YEARS', 'ADEQUATE', 'INTERNAL'],
        ['T', 'UNDER_6_MONTHS', 'GOOD', 'INTERNAL'],
      ]);
      const none = { UNDER_6_MONTHS: 0, '6_TO_12_MONTHS': 0, '1_TO_2_YEARS': 0, OVER_2_YEARS: 0 };
      expect(completion.byEvaluation).toEqual([
        { evaluation: 'OUTSTANDING', bands: none, total: 0 },
        { evaluation: 'GOOD', bands: { ...none, UNDER_6_MONTHS: 1 }, total: 1 },
        { evaluation: 'ADEQUATE', bands: { ...none, OVER_2_YEARS: 1 }, total: 1 },
        { evaluation: 'INADEQUATE', bands: none, total: 0 },
        { evaluation: 'NOT_EVALUATED', bands: none, total: 0 },
      ]);
    });

    it('takes the latest grade of a review evaluated twice, by date and then by stream order', () => {
      const completion = graded(
        evaluation('SK', 30, 'INTERNAL', 'INADEQUATE', '2021-02-01'),
        evaluation('SK', 20, 'INTERNAL', 'GOOD', '2020-11-20'),
        evaluation('T', 21, 'INTERNAL', 'ADEQUATE', '2021-06-01'),
        evaluation('T', 22, 'INTERNAL', 'OUTSTANDING', '2021-06-01'),
      );
      expect(completion.reviews.map((r) => [r.caseId, r.evaluation])).toEqual([
        ['SK', 'INADEQUATE'],
        ['T', 'OUTSTANDING'],
      ]);
    });

    it('prefers Ofsted’s grade, the external one, to a later internal grade', () => {
      const completion = graded(
        evaluation('T', 21, 'OFSTED', 'GOOD', '2021-04-01'),
        evaluation('T', 22, 'INTERNAL', 'INADEQUATE', '2021-06-01'),
      );
      expect(completion.reviews.find((r) => r.caseId === 'T')).toMatchObject({
        evaluation: 'GOOD',
        evaluatedBy: 'OFSTED',
      });
    });

    it('leaves out the grade of a review not completed in the year', () => {
      const completion = graded(evaluation('OX-1617-01', 9, 'INTERNAL', 'GOOD', '2021-01-10'));
      expect(completion.byEvaluation.find((r) => r.evaluation === 'GOOD')!.total).toBe(0);
      expect(completion.byEvaluation.find((r) => r.evaluation === 'NOT_EVALUATED')!.total).toBe(2);
    });
  });

  describe('when a case is decided, contested and revised within one year (OX-1516-02, 2015/16)', () => {
    it('counts the case once, under its revised outcome, and times its first decision', () => {
      const report = buildAnnualReport({ from: '2015-04-01', to: '2016-03-31' }, oxfordshire());
      expect(report.decisions).toMatchObject({
        total: 1,
        byOutcome: expect.objectContaining({ ALTERNATIVE_REVIEW: 1, NO_FURTHER_ACTION: 0 }),
        revisions: 1,
      });
      expect(report.timeToDecision.cases).toEqual([
        expect.objectContaining({ caseId: 'OX-1516-02', days: 28, withinStandard: true }),
      ]);
    });
  });

  describe('the completion bands (calendar months from the decision)', () => {
    it.each([
      ['2020-02-05', '2020-08-05', 'UNDER_6_MONTHS'],
      ['2020-02-05', '2020-08-06', '6_TO_12_MONTHS'],
      ['2014-12-19', '2015-10-28', '6_TO_12_MONTHS'],
      ['2020-02-05', '2021-02-05', '6_TO_12_MONTHS'],
      ['2020-02-05', '2021-02-06', '1_TO_2_YEARS'],
      ['2020-02-05', '2022-02-06', 'OVER_2_YEARS'],
    ])('decided %s, signed off %s: %s', (decided, signedOff, band) => {
      expect(completionBand(decided, signedOff)).toBe(band);
    });
  });

  describe('when a decision is made on the day the month runs out, or the day after', () => {
    it('is within the standard on the deadline and outside from the next day', () => {
      const facts: AnnualReportFacts = {
        ...empty(),
        referrals: [referral('A', '2016-05-10'), referral('B', '2016-05-10')],
        decisions: [
          decision('A', 'D-A', 1, 'SCR_COMMISSIONED', '2016-06-10'),
          decision('B', 'D-B', 1, 'SCR_COMMISSIONED', '2016-06-11'),
        ],
      };
      const t = buildAnnualReport(YEAR_2016_17, facts).timeToDecision;
      expect(t.cases.map((c) => [c.caseId, c.days, c.withinStandard])).toEqual([
        ['A', 31, true],
        ['B', 32, false],
      ]);
      expect(t).toMatchObject({ withinStandard: 1, outsideStandard: 1, percentWithinStandard: 50 });
    });
  });

  describe('when parallel processes run beside the cases (B1 and R in 2014/15, §7.1 and §7.2)', () => {
    const facts = (): AnnualReportFacts => ({
      ...empty(),
      parallelProcesses: [
        process_('B1', 'PP-B1-1', 'CRIMINAL_INVESTIGATION', '2014-10-07'),
        process_('B1', 'PP-B1-2', 'CARE_PROCEEDINGS', '2014-10-07'),
        process_('R', 'PP-R-1', 'CRIMINAL_INVESTIGATION', '2013-03-04', '2016-06-30'),
        process_('R', 'PP-R-2', 'HEALTH_AND_SAFETY_INVESTIGATION', '2013-03-04', '2020-09-21'),
        process_('R', 'PP-R-3', 'SOCIAL_CARE_INVESTIGATION', '2013-03-04', '2014-12-31'),
      ],
    });

    it('counts B1’s two started, R’s social care investigation concluded, and four still open at the year end', () => {
      const year = { from: '2014-04-01', to: '2015-03-31' };
      expect(buildAnnualReport(year, facts()).parallelProcesses).toEqual({
        started: 2,
        startedByType: { CRIMINAL_INVESTIGATION: 1, CARE_PROCEEDINGS: 1 },
        concluded: 1,
        openAtPeriodEnd: 4,
        openAtPeriodEndByType: {
          CRIMINAL_INVESTIGATION: 2,
          CARE_PROCEEDINGS: 1,
          HEALTH_AND_SAFETY_INVESTIGATION: 1,
        },
      });
    });

    it('counts a process concluded on the last day of the year as concluded, not open', () => {
      const year = { from: '2014-01-01', to: '2014-12-31' };
      const { concluded, openAtPeriodEnd } = buildAnnualReport(year, facts()).parallelProcesses;
      expect({ concluded, openAtPeriodEnd }).toEqual({ concluded: 1, openAtPeriodEnd: 4 });
    });
  });

  describe('when families are invited to take part', () => {
    const facts = (): AnnualReportFacts => ({
      ...empty(),
      reviews: [
        review('B1', 'SCR', 'SCIE', '2015-01-14', '2015-10-28'),
        review('R', 'SCR', 'SCIE', '2013-04-10', '2021-11-10'),
        review('OLD', 'SCR', 'SCIE', '2012-01-01', '2014-03-31'),
        review('C', 'SCR', 'SCIE', '2014-05-01'),
      ],
      familyInvolvement: [
        family('B1', 10, 'INVITED', '2015-02-02'),
        family('B1', 12, 'NO_RESPONSE', '2015-04-30'),
        family('C', 5, 'CONTRIBUTED', '2014-09-01'),
        family('C', 6, 'KEPT_INFORMED', '2014-12-01'),
      ],
    });

    it('counts each review active in the year under how its family took part by the year end', () => {
      const year = { from: '2014-04-01', to: '2015-03-31' };
      const report = buildAnnualReport(year, facts());
      // OLD was signed off the day before the year began; B1's parents fell silent after it ended.
      expect(report.reviews.active).toBe(3);
      expect(report.familyInvolvement).toEqual({
        reviews: 3,
        byInvolvement: {
          INVITED: 1,
          CONTRIBUTED: 1,
          NO_RESPONSE: 0,
          DECLINED: 0,
          KEPT_INFORMED: 0,
          NOT_PURSUED: 0,
          NONE_RECORDED: 1,
        },
      });
    });

    it('takes the later of two records on one day by their order in the stream', () => {
      const year = { from: '2015-04-01', to: '2016-03-31' };
      const sameDay = {
        ...facts(),
        familyInvolvement: [
          family('B1', 12, 'NOT_PURSUED', '2015-04-30'),
          family('B1', 11, 'NO_RESPONSE', '2015-04-30'),
        ],
      };
      expect(buildAnnualReport(year, sameDay).familyInvolvement.byInvolvement).toMatchObject({
        NOT_PURSUED: 1,
        NO_RESPONSE: 0,
      });
    });
  });

  describe('when children are recorded by age at the incident', () => {
    it('puts each in its band, siblings included', () => {
      const facts: AnnualReportFacts = {
        ...empty(),
        referrals: [
          {
            ...referral('SK', '2016-05-01'),
            subjects: [
              { pseudonym: 'Sam', role: 'SUBJECT', ageAtIncident: 2, sex: 'MALE' },
              { pseudonym: 'Kyle', role: 'SIBLING', ageAtIncident: 5, sex: 'MALE' },
              { pseudonym: 'Baby', role: 'SUBJECT', ageAtIncident: 0 },
              { pseudonym: 'R', role: 'SUBJECT', ageBand: '11_TO_15', sex: 'FEMALE' },
            ],
          },
        ],
      };
      const { children } = buildAnnualReport(YEAR_2016_17, facts);
      expect(children.byRole).toEqual({ SUBJECT: 3, SIBLING: 1 });
      expect(children.byAgeBand).toMatchObject({ UNDER_1: 1, '1_TO_5': 2, '11_TO_15': 1 });
      expect(children.bySex).toMatchObject({ MALE: 2, FEMALE: 1, NOT_RECORDED: 1 });
      expect(children.byAgeBandAndSex[0]).toEqual({ ageBand: '1_TO_5', sex: 'MALE', count: 2 });
    });
  });

  describe('when children’s circumstances at the incident are recorded (Ofsted 004’s counts)', () => {
    const facts = (): AnnualReportFacts => ({
      ...empty(),
      referrals: [
        {
          ...referral('A', '2016-05-01'),
          subjects: [
            {
              pseudonym: 'A1',
              role: 'SUBJECT',
              ethnicity: 'WHITE_BRITISH',
              knownToCsc: true,
              childInNeed: true,
              childProtectionPlan: true,
              disability: false,
            },
            {
              pseudonym: 'A2',
              role: 'SIBLING',
              ethnicity: 'WHITE_BRITISH',
              knownToCsc: true,
              lookedAfter: true,
              teenageParent: true,
            },
          ],
        },
        {
          ...referral('B', '2016-06-01'),
          subjects: [
            { pseudonym: 'B1', role: 'SUBJECT', ethnicity: 'ASIAN_PAKISTANI', knownToCsc: false },
            { pseudonym: 'B2', role: 'SUBJECT' },
          ],
        },
      ],
    });

    it('counts yes, no and not recorded for each, and the children by ethnic group', () => {
      const { children } = buildAnnualReport(YEAR_2016_17, facts());
      expect(children.circumstances).toEqual({
        knownToCsc: { yes: 2, no: 1, notRecorded: 1 },
        childInNeed: { yes: 1, no: 0, notRecorded: 3 },
        childProtectionPlan: { yes: 1, no: 0, notRecorded: 3 },
        lookedAfter: { yes: 1, no: 0, notRecorded: 3 },
        disability: { yes: 0, no: 1, notRecorded: 3 },
        teenageParent: { yes: 1, no: 0, notRecorded: 3 },
      });
      expect(children.byEthnicity).toEqual({
        WHITE_BRITISH: 2,
        ASIAN_PAKISTANI: 1,
        NOT_RECORDED: 1,
      });
    });
  });
});

/* Fixtures: the seed timelines of domain.md §7.3–§7.5, reduced to what the report reads. */

const empty = (): AnnualReportFacts => ({
  referrals: [],
  decisions: [],
  reviews: [],
  recommendations: [],
  evaluations: [],
  parallelProcesses: [],
  familyInvolvement: [],
  actions: [],
});

const process_ = (
  caseId: string,
  processId: string,
  processType: string,
  startedOn: string,
  concludedOn: string | null = null,
): ParallelProcessFact => ({
  caseId,
  processId,
  processType,
  leadAgency: 'Police',
  impact: [],
  startedOn,
  concludedOn,
});

const family = (
  caseId: string,
  seq: number,
  involvement: string,
  recordedOn: string,
): FamilyInvolvementFact => ({
  caseId,
  seq,
  involvement,
  familyMemberRole: 'parents',
  method: null,
  reason: null,
  recordedOn,
});

function referral(
  caseId: string,
  referredOn: string,
  referringAgency = "Children's Social Care",
): ReferralFact {
  return {
    caseId,
    caseRef: caseId,
    referredOn,
    referringAgency,
    subjects: [{ pseudonym: `Child ${caseId}`, role: 'SUBJECT' }],
    themes: [],
  };
}

function decision(
  caseId: string,
  decisionId: string,
  seq: number,
  outcome: string,
  decidedOn: string,
  extra: Partial<DecisionFact> = {},
): DecisionFact {
  return {
    caseId,
    decisionId,
    seq,
    kind: 'RECORDED',
    outcome,
    alternativeReviewType: null,
    decidedOn,
    ...extra,
  };
}

function review(
  caseId: string,
  reviewType: string,
  methodology: string,
  commissionedOn: string,
  signedOffOn: string | null = null,
): ReviewFact {
  return {
    caseId,
    reviewId: `RV-${caseId}`,
    reviewType,
    methodology,
    commissionedOn,
    signedOffOn,
    publishedOn: null,
    url: null,
    learningSummaryUrl: null,
  };
}

function oxfordshire(): AnnualReportFacts {
  const partnershipReview = { alternativeReviewType: 'PARTNERSHIP_REVIEW' };
  return {
    ...empty(),
    referrals: [
      referral('OX-1516-02', '2015-10-12'),
      referral('OX-1617-01', '2016-05-10'),
      referral('OX-1617-02', '2016-09-14', 'Thames Valley Police'),
      referral('OX-1617-03', '2017-02-20'),
      referral('OX-1617-04', '2017-03-13'),
    ],
    decisions: [
      decision('OX-1516-02', 'D-OX2-1', 3, 'NO_FURTHER_ACTION', '2015-11-09'),
      decision('OX-1516-02', 'D-OX2-2', 7, 'ALTERNATIVE_REVIEW', '2016-02-15', {
        kind: 'REVISED',
        ...partnershipReview,
      }),
      decision('OX-1617-01', 'D-OX3-1', 3, 'SCR_COMMISSIONED', '2016-06-02'),
      decision('OX-1617-02', 'D-OX4-1', 3, 'ALTERNATIVE_REVIEW', '2016-10-12', partnershipReview),
    ],
    reviews: [
      review('OX-1516-02', 'PARTNERSHIP_REVIEW', 'OTHER', '2016-03-01'),
      review('OX-1617-01', 'SCR', 'SCIE_SYSTEMS', '2016-06-20'),
      review('OX-1617-02', 'PARTNERSHIP_REVIEW', 'OTHER', '2016-11-01'),
    ],
  };
}

function samAndKyleAndT(): AnnualReportFacts {
  return {
    ...empty(),
    referrals: [referral('SK', '2018-01-22'), referral('T', '2019-12-20')],
    decisions: [
      decision('SK', 'D-SK-1', 4, 'SCR_COMMISSIONED', '2018-02-19'),
      decision('T', 'D-T-1', 5, 'NO_FURTHER_ACTION', '2020-01-15'),
      decision('T', 'D-T-2', 7, 'LCSPR_COMMISSIONED', '2020-02-05', { kind: 'REVISED' }),
    ],
    reviews: [
      review('SK', 'SCR', 'REVIEWER_LED', '2018-03-12', '2020-06-15'),
      review('T', 'LCSPR', 'REVIEWER_LED', '2020-02-19', '2020-07-20'),
    ],
    recommendations: [recommendationFact('SK-REC-1'), recommendationFact('SK-REC-2')],
    actions: [
      actionFact('SK-A1', 'SK-REC-1', {
        status: 'COMPLETE',
        rag: 'BLUE',
        completedOn: '2021-03-03',
      }),
      actionFact('SK-A2', 'SK-REC-2', { status: 'OVERDUE', rag: 'RED', daysOverdue: 1 }),
    ],
  };
}

function evaluation(
  caseId: string,
  seq: number,
  evaluator: EvaluationFact['evaluator'],
  grade: EvaluationFact['grade'],
  evaluatedOn: string,
): EvaluationFact {
  return { caseId, seq, evaluator, grade, evaluatedOn };
}

function recommendationFact(recommendationId: string): RecommendationFact {
  return {
    caseId: 'SK',
    recommendationId,
    number: recommendationId,
    text: recommendationId,
    source: 'OVERVIEW_REPORT',
    scope: 'MULTI_AGENCY',
    addressedTo: 'Thurrock LSCP',
    themes: [],
    addedOn: '2020-07-30',
    closedWithoutActionOn: null,
    repeats: null,
  };
}

function actionFact(
  actionId: string,
  recommendationId: string,
  derived: Pick<ActionStatusOn, 'status' | 'rag'> & Partial<ActionStatusOn>,
): ActionFact {
  return {
    actionId,
    caseId: 'SK',
    recommendationIds: [recommendationId],
    number: null,
    actionText: actionId,
    agency: 'Thurrock LSCP',
    lead: { displayText: 'Lead', persons: [], agency: 'Thurrock LSCP' },
    monitoringBody: 'EXECUTIVE',
    timescaleText: '31 March 2021',
    plannedOn: '2020-09-01',
    derived: { slippageDays: 0, dueDateChangeCount: 0, ...derived },
    escalation: null,
    latestProgress: null,
    completionSummary: null,
    signOff: null,
    withdrawnOn: null,
  };
}
