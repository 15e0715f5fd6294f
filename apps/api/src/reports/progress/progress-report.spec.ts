import type { ActionStatusOn } from '@casetrail/domain';
import type { ActionFact, RecommendationFact, ReferralFact } from '../report-facts';
import {
  buildProgressReport,
  NOT_THEMED,
  ProgressPortfolio,
  type ProgressReport,
  type ProgressReportFacts,
} from './progress-report';

describe('the executive progress report', () => {
  describe('when Child R is reported to scrutiny on 2022-02-17 (domain.md §7.2)', () => {
    let report: ProgressReport;
    let r: ProgressReport['reviews'][number];
    beforeAll(() => {
      report = buildProgressReport({
        referrals: [referral('R')],
        reviews: [],
        recommendations: rRecommendations(),
        actions: rActions(),
      });
      r = report.reviews[0];
    });

    it('rolls the review up to AMBER: R-A5 is at risk, nothing is overdue or unplanned', () => {
      expect(r.reviewRag).toBe('AMBER');
      expect(r.recommendations).toMatchObject({ total: 10, multiAgency: 10, unplanned: 0 });
      expect(r.actions).toMatchObject({
        planned: 6,
        onTrack: 3,
        atRisk: 1,
        overdue: 0,
        complete: 2,
        signedOff: 0,
        awaitingSignOff: 2,
      });
      expect(r.ragCounts).toEqual({ RED: 0, AMBER: 1, GREEN: 3, GREY: 0, BLUE: 2 });
      expect(r.percentComplete).toBe(33.3);
      expect(r.percentSignedOff).toBe(0);
      expect(r.oldestOverdue).toBeNull();
    });

    it('rolls up each of the six headings, counting an action that answers two recommendations once', () => {
      expect(r.byTheme.map((t) => [t.theme, t.rag, t.recommendations, t.actions.planned])).toEqual([
        ['EARLY_HELP', 'GREEN', 2, 1],
        ['NEGLECT', 'GREEN', 1, 1],
        ['COURT_ORDERS', 'BLUE', 1, 1],
        ['PLACEMENT_MONITORING', 'BLUE', 3, 1],
        ['PLACEMENT_SUFFICIENCY', 'AMBER', 1, 1],
        ['COMPLEX_HEALTH_NEEDS', 'GREEN', 2, 1],
      ]);
    });

    it('says per recommendation what has been done and what remains', () => {
      const rec = (id: string) => r.byRecommendation.find((p) => p.recommendationId === id)!;
      expect(rec('R-REC-04')).toMatchObject({ status: 'PLANNED', rag: 'BLUE', remaining: [] });
      expect(rec('R-REC-04').done).toEqual([
        expect.objectContaining({
          actionId: 'R-A3',
          status: 'COMPLETE',
          subStatus: 'AWAITING_SIGN_OFF',
        }),
      ]);
      expect(rec('R-REC-08')).toMatchObject({ rag: 'AMBER', done: [] });
      expect(rec('R-REC-08').remaining).toEqual([
        expect.objectContaining({ actionId: 'R-A5', status: 'AT_RISK', rag: 'AMBER' }),
      ]);
    });

    it('splits the actions between the Executive and PAQA queues', () => {
      expect(
        report.byMonitoringBody.map((b) => [
          b.monitoringBody,
          b.rag,
          b.actions.planned,
          b.actions.awaitingSignOff,
        ]),
      ).toEqual([
        ['EXECUTIVE', 'AMBER', 5, 1],
        ['PAQA', 'BLUE', 1, 1],
      ]);
    });
  });

  describe('when a review has an overdue action and recommendations with no action (B1 on 2016-01-05, §7.1)', () => {
    let report: ProgressReport;
    let b1: ProgressReport['reviews'][number];
    beforeAll(() => {
      report = buildProgressReport({
        referrals: [referral('B1')],
        reviews: [],
        recommendations: [
          recommendation('B1', 'CSC-2', []),
          recommendation('B1', 'CSC-4', []),
          recommendation('B1', 'UHL-1', []),
          recommendation('B1', 'OVR-23.1-i', [], 'Leicester LSCB'),
          recommendation('B1', 'OVR-23.1-ii', [], 'Leicester LSCB'),
        ],
        actions: [
          action('B1-A09', 'B1', ['CSC-2'], overdue(5, '2015-12-31'), {
            agency: "Children's Social Care",
          }),
          action('B1-A10', 'B1', ['CSC-4'], onTrack(), { agency: "Children's Social Care" }),
          action('B1-A15', 'B1', ['UHL-1'], unscheduled(), { agency: 'UHL' }),
        ],
      });
      b1 = report.reviews[0];
    });

    it('is RED, names the oldest overdue action and flags each unplanned recommendation RED', () => {
      expect(b1.reviewRag).toBe('RED');
      expect(b1.oldestOverdue).toEqual({
        actionId: 'B1-A09',
        caseId: 'B1',
        daysOverdue: 5,
        currentDueDate: '2015-12-31',
      });
      expect(b1.recommendations).toMatchObject({ total: 5, unplanned: 2 });
      expect(b1.recommendations.rag).toEqual({
        RED: 1,
        AMBER: 0,
        GREEN: 1,
        GREY: 1,
        BLUE: 0,
        UNPLANNED: 2,
      });
      const unplanned = b1.byRecommendation.find((p) => p.recommendationId === 'OVR-23.1-i');
      expect(unplanned).toMatchObject({ status: 'UNPLANNED', rag: 'RED', done: [], remaining: [] });
    });

    it('holds an agency RED for recommendations addressed to it with no action', () => {
      const lscb = report.byAgency.find((a) => a.agency === 'Leicester LSCB')!;
      expect(lscb).toMatchObject({ unplannedRecommendations: 2, rag: 'RED' });
      expect(lscb.actions.planned).toBe(0);
      expect(report.byAgency.find((a) => a.agency === 'UHL')!.rag).toBe('GREY');
    });

    it('gathers recommendations without a theme under NOT_THEMED', () => {
      expect(report.byTheme.map((t) => [t.theme, t.recommendations, t.unplanned, t.rag])).toEqual([
        [NOT_THEMED, 5, 2, 'RED'],
      ]);
    });
  });

  describe('when a review is RED only because a recommendation has no action', () => {
    it('is still RED, although every action is on track', () => {
      const report = buildProgressReport({
        referrals: [],
        reviews: [],
        recommendations: [recommendation('X', 'X-1', []), recommendation('X', 'X-2', [])],
        actions: [action('X-A1', 'X', ['X-1'], onTrack())],
      });
      expect(report.reviews[0].reviewRag).toBe('RED');
      expect(report.reviews[0].caseRef).toBe('X');
    });
  });

  describe('when a recommendation was closed without action, or its only action withdrawn', () => {
    let x: ProgressReport['reviews'][number];
    beforeAll(() => {
      x = buildProgressReport({
        referrals: [],
        reviews: [],
        recommendations: [
          { ...recommendation('X', 'X-1', []), closedWithoutActionOn: '2020-01-01' },
          recommendation('X', 'X-2', []),
        ],
        actions: [action('X-A1', 'X', ['X-2'], cancelled())],
      }).reviews[0];
    });

    it('does not count the closed one as unplanned, but the one whose action was withdrawn is', () => {
      expect(x.byRecommendation.map((p) => [p.recommendationId, p.status, p.rag])).toEqual([
        ['X-1', 'CLOSED_WITHOUT_ACTION', null],
        ['X-2', 'UNPLANNED', 'RED'],
      ]);
      expect(x.recommendations).toMatchObject({ unplanned: 1, closedWithoutAction: 1 });
    });

    it('leaves a withdrawn action out of the percentages', () => {
      expect(x.actions).toMatchObject({ planned: 0, withdrawn: 1 });
      expect(x.percentComplete).toBeNull();
    });
  });

  describe('when several reviews are reported together', () => {
    let report: ProgressReport;
    beforeAll(() => {
      report = buildProgressReport({
        referrals: [],
        reviews: [],
        recommendations: [
          recommendation('A', 'A-1', []),
          recommendation('B', 'B-1', []),
          recommendation('C', 'C-1', []),
        ],
        actions: [
          action('A-A1', 'A', ['A-1'], signedOff('OUTPUT_ONLY')),
          action('B-A1', 'B', ['B-1'], overdue(3, '2020-01-01'), { lead: 'Ms Lead' }),
          action('B-A2', 'B', ['B-1'], overdue(9, '2019-12-26'), { lead: 'Ms Lead' }),
          action('C-A1', 'C', ['C-1'], atRisk()),
        ],
      });
    });

    it('lists the worst first', () => {
      expect(report.reviews.map((r) => [r.caseId, r.reviewRag])).toEqual([
        ['B', 'RED'],
        ['C', 'AMBER'],
        ['A', 'BLUE'],
      ]);
      expect(report.summary.reviewRag).toEqual({ RED: 1, AMBER: 1, GREEN: 0, GREY: 0, BLUE: 1 });
    });

    it('draws only the page of reviews asked for, worst first, and still counts them all', () => {
      const facts = {
        referrals: [],
        reviews: [],
        recommendations: ['A', 'B', 'C'].map((c) => recommendation(c, `${c}-1`, [])),
        actions: [
          action('A-A1', 'A', ['A-1'], signedOff('OUTPUT_ONLY')),
          action('B-A1', 'B', ['B-1'], overdue(3, '2020-01-01')),
          action('C-A1', 'C', ['C-1'], atRisk()),
        ],
      };
      const second = buildProgressReport(facts, { page: 2, pageSize: 1 });
      expect(second.reviews).toEqual([buildProgressReport(facts).reviews[1]]);
      expect(second.reviews[0]!.caseId).toBe('C');
      expect(second.summary).toEqual(buildProgressReport(facts).summary);
      expect(second.summary.reviews).toBe(3);
    });

    it('totals the actions and names the oldest overdue across reviews', () => {
      expect(report.summary.actions).toMatchObject({
        planned: 4,
        overdue: 2,
        atRisk: 1,
        signedOff: 1,
        outputOnly: 1,
      });
      expect(report.summary.percentSignedOff).toBe(25);
      expect(report.summary.oldestOverdue).toMatchObject({ actionId: 'B-A2', daysOverdue: 9 });
    });

    it('names a lead with more than one overdue action', () => {
      expect(report.byAgency[0].leadsWithMoreThanOneOverdue).toEqual([
        { lead: 'Ms Lead', overdue: 2 },
      ]);
    });
  });
});

describe('the progress report built a few cases at a time', () => {
  const mixed = (): ProgressReportFacts => ({
    referrals: [referral('R'), referral('B')],
    reviews: [],
    recommendations: [
      ...rRecommendations(),
      recommendation('B', 'B-1', ['NEGLECT'], 'Police'),
      recommendation('B', 'B-2', [], 'Health'),
      recommendation('C', 'C-1', ['EARLY_HELP', 'NEGLECT']),
    ],
    actions: [
      ...rActions(),
      action('B-A1', 'B', ['B-1'], overdue(3, '2020-01-01'), {
        agency: 'Police',
        lead: 'Ms Lead',
        monitoringBody: 'PAQA',
      }),
      action('B-A2', 'B', ['B-1'], overdue(9, '2019-12-26'), { agency: 'Police', lead: 'Ms Lead' }),
      action('C-A1', 'C', ['C-1'], atRisk(), { agency: 'Health' }),
      action('C-A2', 'C', ['C-1'], cancelled(), { agency: 'Health' }),
      action('D-A1', 'D', [], onTrack(), { monitoringBody: 'AUDIT' }),
    ],
  });
  const ofCases = (caseIds: string[], facts = mixed()): ProgressReportFacts => ({
    referrals: facts.referrals.filter((f) => caseIds.includes(f.caseId)),
    reviews: facts.reviews.filter((f) => caseIds.includes(f.caseId)),
    recommendations: facts.recommendations.filter((f) => caseIds.includes(f.caseId)),
    actions: facts.actions.filter((f) => caseIds.includes(f.caseId)),
  });

  it.each([[['B', 'C', 'D', 'R']], [['B'], ['C', 'D'], ['R']]].map((c) => [c]))(
    'adds up to the report over every fact at once (cases in %j)',
    (chunks: string[][]) => {
      const page = { page: 2, pageSize: 2 };
      const portfolio = new ProgressPortfolio();
      chunks.forEach((caseIds) => portfolio.add(ofCases(caseIds)));
      const read: string[][] = [];
      const report = portfolio.report(page, (caseIds) => (read.push(caseIds), ofCases(caseIds)));
      expect(report).toEqual(buildProgressReport(mixed(), page));
      // Only the page's reviews are read again, to be drawn.
      expect(read).toEqual([report.reviews.map((r) => r.caseId)]);
      expect(read[0]).toHaveLength(2);
      expect(report.summary.reviews).toBe(4);
      expect(report.byMonitoringBody.map((b) => b.monitoringBody)).toEqual([
        'AUDIT',
        'EXECUTIVE',
        'PAQA',
      ]);
      expect(report.byTheme.find((t) => t.theme === 'NEGLECT')).toMatchObject({
        reviews: 3,
        recommendations: 3,
        unplanned: 0,
      });
    },
  );
  it('refuses cases out of order, or a case split across calls', () => {
    const portfolio = new ProgressPortfolio();
    portfolio.add(ofCases(['C']));
    expect(() => portfolio.add(ofCases(['B']))).toThrow(/case id order: B came after C/);
    expect(() => portfolio.add(ofCases(['C']))).toThrow(/C came after C/);
  });
});

/* Derived statuses as domain.md §6.0 defines them, written out by hand. */

type Derived = Pick<ActionStatusOn, 'status' | 'rag'> & Partial<ActionStatusOn>;
const onTrack = (): Derived => ({ status: 'ON_TRACK', rag: 'GREEN' });
const atRisk = (): Derived => ({ status: 'AT_RISK', rag: 'AMBER' });
const unscheduled = (): Derived => ({ status: 'UNSCHEDULED', rag: 'GREY' });
const cancelled = (): Derived => ({ status: 'CANCELLED', rag: null });
const awaitingSignOff = (): Derived => ({
  status: 'COMPLETE',
  subStatus: 'AWAITING_SIGN_OFF',
  rag: 'BLUE',
});
const overdue = (daysOverdue: number, currentDueDate: string): Derived => ({
  status: 'OVERDUE',
  rag: 'RED',
  daysOverdue,
  currentDueDate,
});
const signedOff = (impactAssessment: 'OUTPUT_ONLY' | 'IMPACT_EVIDENCED') => ({
  status: 'COMPLETE' as const,
  subStatus: 'SIGNED_OFF' as const,
  rag: 'BLUE' as const,
  impactAssessment,
});

function action(
  actionId: string,
  caseId: string,
  recommendationIds: string[],
  derived: Derived & { impactAssessment?: 'OUTPUT_ONLY' | 'IMPACT_EVIDENCED' },
  extra: { agency?: string; lead?: string; monitoringBody?: string } = {},
): ActionFact {
  const { impactAssessment, ...status } = derived;
  const agency = extra.agency ?? 'Partnership';
  return {
    actionId,
    caseId,
    recommendationIds,
    number: null,
    actionText: `${actionId} text`,
    agency,
    lead: { displayText: extra.lead ?? `${actionId} lead`, persons: [], agency },
    monitoringBody: extra.monitoringBody ?? 'EXECUTIVE',
    timescaleText: 'March 2022',
    plannedOn: '2015-03-02',
    derived: { slippageDays: 0, dueDateChangeCount: 0, ...status },
    escalation: null,
    latestProgress: null,
    completionSummary: null,
    signOff: impactAssessment ? { on: '2020-01-01', impactAssessment } : null,
    withdrawnOn: status.status === 'CANCELLED' ? '2020-01-01' : null,
  };
}

function recommendation(
  caseId: string,
  recommendationId: string,
  themes: string[],
  addressedTo = 'Partnership',
): RecommendationFact {
  return {
    caseId,
    recommendationId,
    number: recommendationId,
    text: `${recommendationId} text`,
    source: recommendationId.startsWith('OVR') ? 'OVERVIEW_REPORT' : 'IMR',
    scope: caseId === 'R' || recommendationId.startsWith('OVR') ? 'MULTI_AGENCY' : 'SINGLE_AGENCY',
    addressedTo,
    themes,
    addedOn: '2015-03-02',
    closedWithoutActionOn: null,
    repeats: null,
  };
}

function referral(caseId: string): ReferralFact {
  return {
    caseId,
    caseRef: `SCR ${caseId}`,
    referredOn: '2013-03-04',
    referringAgency: "Children's Social Care",
    subjects: [{ pseudonym: `Child ${caseId}`, role: 'SUBJECT' }],
    themes: [],
  };
}

/** domain.md §7.2: the assumed mapping of R1–R10 onto the six headings of seed 000. */
const R_THEMES = [
  'EARLY_HELP',
  'EARLY_HELP',
  'NEGLECT',
  'COURT_ORDERS',
  'PLACEMENT_MONITORING',
  'PLACEMENT_MONITORING',
  'PLACEMENT_MONITORING',
  'PLACEMENT_SUFFICIENCY',
  'COMPLEX_HEALTH_NEEDS',
  'COMPLEX_HEALTH_NEEDS',
];
const rRecommendations = () =>
  R_THEMES.map((theme, i) =>
    recommendation('R', `R-REC-${String(i + 1).padStart(2, '0')}`, [theme]),
  );

/** The register and stream R-20…R-26 as they stood on 2022-02-17. */
const rActions = () => [
  action('R-A1', 'R', ['R-REC-01', 'R-REC-02'], onTrack()),
  action('R-A2', 'R', ['R-REC-03'], onTrack()),
  action('R-A3', 'R', ['R-REC-04'], awaitingSignOff(), { monitoringBody: 'PAQA' }),
  action('R-A4', 'R', ['R-REC-05', 'R-REC-06', 'R-REC-07'], awaitingSignOff()),
  action('R-A5', 'R', ['R-REC-08'], atRisk()),
  action('R-A6', 'R', ['R-REC-09', 'R-REC-10'], onTrack()),
];
