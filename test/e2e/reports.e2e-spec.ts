import { SEED_CASES, type SeedRequest } from '../../apps/api/src/demo/seed-timelines';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { sendSeedRequests, signedBy } from '../support/seed-requests';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The Executive's reports over HTTP (issue #5): every seed timeline of domain.md §7 and the
 * action plans of B1, R and Sam & Kyle go in as commands, each with the day the board knew it;
 * the reports are then read on the dates §7 gives expected values for. Every expected number
 * below is worked out by hand from the seed tables, as the comments show.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);

/** Sends a case's requests in order, each dated as known when it happened (or its `recorded` date). */
const send = (
  t: TestApp,
  token: string,
  caseId: string,
  requests: SeedRequest[],
  keyPrefix: string,
) => sendSeedRequests(t, caseId, signedBy(token, requests), keyPrefix, { backFilled: true });

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An internal grade of a review, sent as the partnership would record it. */
const evaluation = (occurredOn: string, grade: string, knownOn?: string): SeedRequest => ({
  path: '/review/evaluation',
  body: { occurredOn, evaluator: 'INTERNAL', grade, commentary: `Graded ${grade.toLowerCase()}` },
  ...(knownOn && { knownOn }),
});

describe('the reports over HTTP', () => {
  let t: TestApp;
  let token: string;
  let head: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const report = async (path: string): Promise<Body> => {
    const sep = path.includes('?') ? '&' : '?';
    return (await get(`${path}${sep}minPosition=${head}&waitMs=5000`).expect(200)).body as Body;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock: new FixedClock(at('2026-11-23')) });
    token = await t.tokenFor();
    for (const seed of SEED_CASES) {
      head = await send(t, token, seed.caseId, seed.requests, `${seed.caseId}-case`);
      if (seed.actionPlan)
        head = await send(t, token, seed.caseId, seed.actionPlan, `${seed.caseId}-plan`);
    }
  });
  afterAll(() => t.close());

  describe('GET /api/reports/progress', () => {
    describe('Child B1 on 2016-01-05 (domain.md §7.1)', () => {
      let body: Body;
      let b1: Body;
      beforeAll(async () => {
        body = await report('/api/reports/progress?asOf=2016-01-05');
        b1 = body.reviews.items[0];
      });

      it('lists B1 alone: no other review had recommendations by then', () => {
        expect(body).toMatchObject({ asOf: '2016-01-05', mode: 'effective' });
        expect(body.reviews).toMatchObject({ total: 1, page: 1 });
        expect(b1).toMatchObject({ caseId: 'B1', caseRef: 'SCR B1', pseudonyms: ['Child B1'] });
      });

      it('is RED: one action overdue and seven recommendations with no action', () => {
        expect(b1.reviewRag).toBe('RED');
        // 15 agency recommendations (2015-03-02) + 8 from the overview report (2015-09-30). Of
        // the agency ones, LSCB 1 and 2 are the partnership's own (Executive-monitored, §7.1),
        // so 13 are single-agency and 2 + 8 multi-agency.
        expect(b1.recommendations).toMatchObject({
          total: 23,
          singleAgency: 13,
          multiAgency: 10,
          unplanned: 7,
        });
        const unplanned = (b1.byRecommendation as Body[])
          .filter((r) => r.status === 'UNPLANNED')
          .map((r) => r.recommendationId);
        expect(unplanned).toEqual([
          'OVR-23.1-i',
          'OVR-23.1-ii',
          'OVR-23.2-i',
          'OVR-23.2-ii',
          'OVR-23.2-iii',
          'OVR-23.2-iv',
          'OVR-23.2-v',
        ]);
      });

      it('counts 17 actions: 13 signed off, A09 overdue 5 days, A10 and A17 on track, A15 unscheduled', () => {
        expect(b1.actions).toMatchObject({
          planned: 17,
          complete: 13,
          signedOff: 13,
          awaitingSignOff: 0,
          overdue: 1,
          onTrack: 2,
          atRisk: 0,
          unscheduled: 1,
          outputOnly: 13,
          impactEvidenced: 0,
        });
        expect(b1.ragCounts).toEqual({ RED: 1, AMBER: 0, GREEN: 2, GREY: 1, BLUE: 13 });
        expect(b1.oldestOverdue).toEqual({
          actionId: 'B1-A09',
          caseId: 'B1',
          daysOverdue: 5,
          currentDueDate: '2015-12-31',
        });
        // 13 of 17, to one decimal.
        expect(b1.percentSignedOff).toBe(76.5);
        expect(b1.percentComplete).toBe(76.5);
      });

      it('shows what remains of CSC 2: B1-A09, re-dated once from September with 92 days of slippage', () => {
        const csc2 = (b1.byRecommendation as Body[]).find((r) => r.recommendationId === 'CSC-2')!;
        expect(csc2).toMatchObject({ status: 'PLANNED', rag: 'RED', done: [] });
        expect(csc2.remaining).toEqual([
          expect.objectContaining({
            actionId: 'B1-A09',
            status: 'OVERDUE',
            daysOverdue: 5,
            originalDueDate: '2015-09-30',
            currentDueDate: '2015-12-31',
            slippageDays: 92,
            latestProgress: {
              on: '2015-09-15',
              rag: 'AMBER',
              narrative: 'DV training sessions rescheduled',
            },
          }),
        ]);
        const lscb2 = (b1.byRecommendation as Body[]).find((r) => r.recommendationId === 'LSCB-2')!;
        expect(lscb2.done).toEqual([
          expect.objectContaining({
            actionId: 'B1-A14',
            completedOn: '2015-07-10',
            signedOffOn: '2015-07-22',
            impactAssessment: 'OUTPUT_ONLY',
          }),
        ]);
      });

      it('holds Leicester LSCB RED for the overview recommendations it has not planned', () => {
        const lscb = (body.byAgency as Body[]).find((a) => a.agency === 'Leicester LSCB')!;
        // LSCB 1 and 2 (B1-A13, B1-A14) and 23.1(iii) (B1-A17): two signed off, one on track.
        expect(lscb).toMatchObject({ unplannedRecommendations: 7, rag: 'RED' });
        expect(lscb.actions).toMatchObject({ planned: 3, signedOff: 2, onTrack: 1 });
        const csc = (body.byAgency as Body[]).find((a) => a.agency === "Children's Social Care")!;
        // A09 overdue; A10 on track; A11, A12, A16 signed off.
        expect(csc).toMatchObject({ rag: 'RED', unplannedRecommendations: 0 });
        expect(csc.actions).toMatchObject({ planned: 5, overdue: 1, onTrack: 1, signedOff: 3 });
      });
    });

    describe('Child B1 on 2016-01-05 against the report of 2015-05-01 (§6.4 movement, §7.1)', () => {
      let movement: Body;
      beforeAll(async () => {
        const body = await report('/api/reports/progress?asOf=2016-01-05&since=2015-05-01');
        expect(body.since).toBe('2015-05-01');
        movement = body.reviews.items[0].movement;
      });

      it('gives the figures of 2015-05-01: 16 planned, A02 and A12 overdue, four complete awaiting sign-off', () => {
        expect(movement.since).toBe('2015-05-01');
        expect(movement.was).toMatchObject({
          reviewRag: 'RED',
          actions: {
            planned: 16,
            overdue: 2,
            complete: 4,
            awaitingSignOff: 4,
            signedOff: 0,
            unscheduled: 1,
          },
        });
      });

      it('lists every action that moved: 13 signed off since, A09 now overdue, A17 planned since', () => {
        const moved = (movement.actions as Body[]).map((a) => a.actionId).sort();
        // All 17 but B1-A10 (on track on both dates) and B1-A15 (unscheduled on both).
        expect(moved).toEqual(
          [
            '01',
            '02',
            '03',
            '04',
            '05',
            '06',
            '07',
            '08',
            '09',
            '11',
            '12',
            '13',
            '14',
            '16',
            '17',
          ].map((n) => `B1-A${n}`),
        );
        const of = (id: string) => (movement.actions as Body[]).find((a) => a.actionId === id)!;
        expect(of('B1-A02')).toMatchObject({
          was: { status: 'OVERDUE', daysOverdue: 23, rag: 'RED' },
          now: { status: 'COMPLETE', subStatus: 'SIGNED_OFF', rag: 'BLUE' },
        });
        expect(of('B1-A01')).toMatchObject({
          was: { status: 'COMPLETE', subStatus: 'AWAITING_SIGN_OFF' },
          now: { status: 'COMPLETE', subStatus: 'SIGNED_OFF' },
        });
        expect(of('B1-A09')).toMatchObject({
          was: { rag: 'GREEN', daysOverdue: null },
          now: { status: 'OVERDUE', rag: 'RED', daysOverdue: 5 },
        });
        expect(of('B1-A17')).toMatchObject({ was: null, now: { rag: 'GREEN' } });
      });
    });

    describe('Child R on 2022-02-17, the day of the scrutiny committee (domain.md §7.2)', () => {
      let r: Body;
      let body: Body;
      beforeAll(async () => {
        body = await report('/api/reports/progress?asOf=2022-02-17&caseId=R');
        r = body.reviews.items[0];
      });

      it('counts 10 recommendations and 6 actions, none overdue, and rolls the review up to AMBER', () => {
        expect(r.reviewRag).toBe('AMBER');
        expect(r.recommendations).toMatchObject({ total: 10, multiAgency: 10, unplanned: 0 });
        expect(r.actions).toMatchObject({
          planned: 6,
          overdue: 0,
          complete: 2,
          awaitingSignOff: 2,
          signedOff: 0,
          atRisk: 1,
          onTrack: 3,
        });
        expect(r.percentSignedOff).toBe(0);
        expect(r.oldestOverdue).toBeNull();
      });

      it('derives each action: R-A3 and R-A4 complete awaiting sign-off, R-A5 AMBER, the rest GREEN', () => {
        const lines = new Map<string, Body>();
        for (const rec of r.byRecommendation as Body[])
          for (const line of [...rec.done, ...rec.remaining]) lines.set(line.actionId, line);
        expect(
          [...lines.values()]
            .map((l) => [l.actionId, l.status, l.subStatus, l.rag])
            .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        ).toEqual([
          ['R-A1', 'ON_TRACK', null, 'GREEN'],
          ['R-A2', 'ON_TRACK', null, 'GREEN'],
          ['R-A3', 'COMPLETE', 'AWAITING_SIGN_OFF', 'BLUE'],
          ['R-A4', 'COMPLETE', 'AWAITING_SIGN_OFF', 'BLUE'],
          ['R-A5', 'AT_RISK', null, 'AMBER'],
          ['R-A6', 'ON_TRACK', null, 'GREEN'],
        ]);
      });

      it('rolls up the six headings of the progress paper as §7.2 lists them', () => {
        expect((r.byTheme as Body[]).map((theme) => [theme.theme, theme.rag])).toEqual([
          ['EARLY_HELP', 'GREEN'],
          ['NEGLECT', 'GREEN'],
          ['COURT_ORDERS', 'BLUE'],
          ['PLACEMENT_MONITORING', 'BLUE'],
          ['PLACEMENT_SUFFICIENCY', 'AMBER'],
          ['COMPLEX_HEALTH_NEEDS', 'GREEN'],
        ]);
        expect(body.byTheme).toEqual(r.byTheme.map((theme: Body) => ({ ...theme, reviews: 1 })));
      });

      it('splits the Executive queue (five actions) from PAQA’s (R-A3)', () => {
        expect(
          (body.byMonitoringBody as Body[]).map((b) => [
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

    describe('every review on 2022-02-17, paged', () => {
      it('lists B1 and Sam & Kyle (RED) before R (AMBER), one per page', async () => {
        // B1: every action signed off, but 7 recommendations unplanned. SK: SK-A5 was due
        // 2021-12-31 and never completed, so 31 + 17 = 48 days overdue.
        const body = await report('/api/reports/progress?asOf=2022-02-17&pageSize=1&page=2');
        expect(body.reviews).toMatchObject({ total: 3, page: 2, pageSize: 1 });
        expect(body.reviews.items.map((i: Body) => [i.caseId, i.reviewRag])).toEqual([
          ['SK', 'RED'],
        ]);
        expect(body.summary).toMatchObject({
          reviews: 3,
          reviewRag: { RED: 2, AMBER: 1, GREEN: 0, GREY: 0, BLUE: 0 },
          oldestOverdue: { actionId: 'SK-A5', daysOverdue: 48 },
        });
        // 17 (B1) + 6 (R) + 5 (SK) actions; 23 + 10 + 5 recommendations.
        expect(body.summary.actions.planned).toBe(28);
        expect(body.summary.recommendations.total).toBe(38);
      });
    });

    describe('every review today, from the totals the portfolio projection keeps', () => {
      it('counts as on a past date, with SK-A5 overdue since 2021-12-31', async () => {
        // Today is after every fact, so the report is read from the projection's cells: the
        // same 3 reviews, 28 actions and 38 recommendations as on 2022-02-17, and SK-A5 now
        // 1,788 days overdue (2021-12-31 to 2026-11-23).
        const body = await report('/api/reports/progress?pageSize=3');
        expect(body).toMatchObject({ asOf: '2026-11-23', mode: 'effective' });
        expect(body.summary).toMatchObject({
          reviews: 3,
          oldestOverdue: { actionId: 'SK-A5', caseId: 'SK', daysOverdue: 1788 },
        });
        expect(body.summary.actions.planned).toBe(28);
        expect(body.summary.recommendations.total).toBe(38);
        expect(body.reviews.items.map((i: Body) => i.caseId).sort()).toEqual(['B1', 'R', 'SK']);
      });

      it('lists recommendation numbers per review only: across reviews they repeat', async () => {
        const body = await report('/api/reports/progress?pageSize=3');
        expect(body.byTheme.length).toBeGreaterThan(0);
        for (const theme of body.byTheme) expect(theme).not.toHaveProperty('recommendationNumbers');
        const r = body.reviews.items.find((i: Body) => i.caseId === 'R');
        expect(r.byTheme.flatMap((t: Body) => t.recommendationNumbers).length).toBeGreaterThan(0);
      });
    });

    describe('what the board knew on 2015-04-01, against what was true', () => {
      // B1-A03 was completed on 2015-03-27 but recorded only on 2015-04-15 (B1-17).
      it('shows B1-A03 complete in effective mode, and 1 day overdue in known mode', async () => {
        const effective = (await report('/api/reports/progress?asOf=2015-04-01&caseId=B1')).reviews
          .items[0];
        const known = (await report('/api/reports/progress?asOf=2015-04-01&caseId=B1&mode=known'))
          .reviews.items[0];
        // 16 actions planned 2015-03-02; B1-A16 completed 03-31, B1-A03 03-27; B1-A15 undated.
        expect(effective.actions).toMatchObject({
          planned: 16,
          complete: 2,
          overdue: 0,
          unscheduled: 1,
          onTrack: 13,
        });
        expect(effective.reviewRag).toBe('GREEN');
        expect(known.actions).toMatchObject({
          planned: 16,
          complete: 1,
          overdue: 1,
          unscheduled: 1,
          onTrack: 13,
        });
        expect(known.oldestOverdue).toMatchObject({ actionId: 'B1-A03', daysOverdue: 1 });
        expect(known.reviewRag).toBe('RED');
      });
    });

    describe('when the request is not valid', () => {
      it.each([
        ['a future date', 'asOf=2026-11-24', 'asOf'],
        ['a malformed date', 'asOf=2015-02-30', 'asOf'],
        ['an unknown mode', 'mode=hindsight', 'mode'],
        ['an unknown parameter', 'agencyName=CSC', 'agencyName'],
        ['a page size over 100', 'pageSize=500', 'pageSize'],
        ['a last report after the date drawn', 'asOf=2016-01-05&since=2016-01-06', 'since'],
        ['a malformed last report date', 'since=2016-13-01', 'since'],
      ])('refuses %s with 400 naming the field', async (_name, query, field) => {
        const res = await get(`/api/reports/progress?${query}`).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
      });
    });
  });

  describe('GET /api/reports/parallel-processes (the register, §6.7)', () => {
    it('lists on 2016-01-05 R’s two open processes first, then B1’s, then R’s concluded one (§7.1, §7.2)', async () => {
      const body = await report('/api/reports/parallel-processes?asOf=2016-01-05');
      expect(body).toMatchObject({
        asOf: '2016-01-05',
        total: 5,
        open: 4,
        concluded: 1,
        openByType: {
          CRIMINAL_INVESTIGATION: 2,
          CARE_PROCEEDINGS: 1,
          HEALTH_AND_SAFETY_INVESTIGATION: 1,
        },
      });
      // R's from 2013-03-04: 1,037 days; B1's from 2014-10-07: 365 + 90 = 455 days; PP-R-3
      // ran 2013-03-04 to 2014-12-31, 667 days. R's review paused for all three on 2014-01-15.
      expect(
        (body.items as Body[]).map((p) => [p.processId, p.status, p.daysOpen, p.pausedOn]),
      ).toEqual([
        ['PP-R-1', 'OPEN', 1037, ['2014-01-15']],
        ['PP-R-2', 'OPEN', 1037, ['2014-01-15']],
        ['PP-B1-1', 'OPEN', 455, []],
        ['PP-B1-2', 'OPEN', 455, []],
        ['PP-R-3', 'CONCLUDED', 667, ['2014-01-15']],
      ]);
      expect(body.items[2]).toMatchObject({
        caseId: 'B1',
        processType: 'CRIMINAL_INVESTIGATION',
        leadAgency: 'Leicestershire Police',
        impact: ['DELAYS_DECISION'],
        startedOn: '2014-10-07',
        concludedOn: null,
      });
    });

    it('lists only the concluded ones on 2021-01-01: R’s three and SK’s', async () => {
      const body = await report('/api/reports/parallel-processes?asOf=2021-01-01&status=CONCLUDED');
      // PP-R-2 2020-09-21, PP-SK-1 2018-02-05, PP-R-1 2016-06-30, PP-R-3 2014-12-31: latest first.
      expect((body.items as Body[]).map((p) => p.processId)).toEqual([
        'PP-R-2',
        'PP-SK-1',
        'PP-R-1',
        'PP-R-3',
      ]);
      // Still open: B1's two and T's criminal proceedings (from 2020-02-05).
      expect(body).toMatchObject({ total: 7, open: 3, concluded: 4 });
    });

    it('refuses an unknown status and a future date with 400 naming the field', async () => {
      const status = await get('/api/reports/parallel-processes?status=PENDING').expect(400);
      expect(status.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
      const future = await get('/api/reports/parallel-processes?asOf=2026-11-24').expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    });
  });

  describe('GET /api/reports/family-involvement (the register, §6.7)', () => {
    it('lists on 2016-01-05 R with nothing recorded first, then B1’s parents, invited and silent', async () => {
      const body = await report('/api/reports/family-involvement?asOf=2016-01-05');
      // Commissioned by then: R (2013-04-10) and B1 (2015-01-14); OX-1516-02 came on 2016-03-01.
      expect(body).toMatchObject({
        asOf: '2016-01-05',
        reviews: 2,
        byInvolvement: { NONE_RECORDED: 1, NO_RESPONSE: 1, INVITED: 0, CONTRIBUTED: 0 },
      });
      expect(body.items.map((r: Body) => [r.caseId, r.involvement])).toEqual([
        ['R', 'NONE_RECORDED'],
        ['B1', 'NO_RESPONSE'],
      ]);
      expect(body.items[1].records).toEqual([
        {
          involvement: 'INVITED',
          familyMemberRole: 'parents',
          method: 'LETTER',
          reason: null,
          recordedOn: '2015-02-02',
        },
        {
          involvement: 'NO_RESPONSE',
          familyMemberRole: 'parents',
          method: null,
          reason: null,
          recordedOn: '2015-04-30',
        },
      ]);
    });

    it('does not yet know on 2015-03-01 that B1’s parents would not respond', async () => {
      const body = await report('/api/reports/family-involvement?asOf=2015-03-01');
      expect(body.items.map((r: Body) => [r.caseId, r.involvement])).toEqual([
        ['R', 'NONE_RECORDED'],
        ['B1', 'INVITED'],
      ]);
    });
  });

  describe('GET /api/reports/annual', () => {
    describe('the OSCB’s year 2016/17 (seed 001, domain.md §7.4)', () => {
      let body: Body;
      beforeAll(async () => {
        body = await report('/api/reports/annual?from=2016-04-01&to=2017-03-31');
      });

      it('counts 4 referrals: 1 from Thames Valley Police, 3 from Children’s Social Care', () => {
        expect(body.period).toEqual({ from: '2016-04-01', to: '2017-03-31' });
        expect(body.referrals).toEqual({
          total: 4,
          bySourceAgency: [
            { agency: "Children's Social Care", count: 3 },
            { agency: 'Thames Valley Police', count: 1 },
          ],
        });
      });

      it('counts 1 SCR commissioned and 1 partnership review, with 2 decisions pending at the year end', () => {
        expect(body.decisions).toMatchObject({
          total: 2,
          byOutcome: { SCR_COMMISSIONED: 1, ALTERNATIVE_REVIEW: 1, NO_FURTHER_ACTION: 0 },
          alternativeReviewTypes: { PARTNERSHIP_REVIEW: 1 },
          revisions: 0,
        });
        // OX-1617-03 referred 2017-02-20: 8 + 31 = 39 days; OX-1617-04 on 2017-03-13: 18 days.
        expect(body.pendingAtPeriodEnd).toEqual({
          total: 2,
          cases: [
            { caseId: 'OX-1617-03', caseRef: 'OX-1617-03', referredOn: '2017-02-20', ageDays: 39 },
            { caseId: 'OX-1617-04', caseRef: 'OX-1617-04', referredOn: '2017-03-13', ageDays: 18 },
          ],
        });
      });

      it('decided OX-1617-01 in 23 days and OX-1617-02 in 28, both within one month', () => {
        expect(body.timeToDecision).toMatchObject({
          decided: 2,
          withinStandard: 2,
          outsideStandard: 0,
          medianDays: 25.5,
        });
        expect(
          body.timeToDecision.cases.map((c: Body) => [c.caseId, c.days, c.withinStandard]),
        ).toEqual([
          ['OX-1617-01', 23, true],
          ['OX-1617-02', 28, true],
        ]);
      });

      it('signed off no review in the year, so the completion table is empty but NOT_EVALUATED is there', () => {
        expect(body.reviewCompletion.completed).toBe(0);
        expect(body.reviewCompletion.byEvaluation).toContainEqual({
          evaluation: 'NOT_EVALUATED',
          bands: { UNDER_6_MONTHS: 0, '6_TO_12_MONTHS': 0, '1_TO_2_YEARS': 0, OVER_2_YEARS: 0 },
          total: 0,
        });
        // RV-OX3 (SCR, SCIE) and RV-OX4 (partnership review) commissioned; B1 published 2016-06-13.
        // Active: R (2013 to 2021), OX-1516-02 (2016-03-01), RV-OX3 and RV-OX4; B1 was signed off
        // on 2015-10-28, before the year.
        expect(body.reviews).toEqual({
          commissioned: 2,
          commissionedByType: { SCR: 1, PARTNERSHIP_REVIEW: 1 },
          commissionedByMethodology: { SCIE_SYSTEMS: 1, OTHER: 1 },
          signedOff: 0,
          published: 1,
          active: 4,
        });
      });

      it('counts the four children, none with an age band or sex recorded in the seed', () => {
        expect(body.children).toMatchObject({
          total: 4,
          byRole: { SUBJECT: 4, SIBLING: 0 },
          byAgeBand: { NOT_RECORDED: 4 },
          bySex: { NOT_RECORDED: 4 },
        });
      });

      it('closes B1’s CSC 4 and UHL 1 with their last actions, and signs off three', () => {
        // B1-A10 completed 2016-05-20, B1-A15 2016-09-21; signed off: A17 04-13, A10 06-09, A15 10-13.
        expect(body.recommendations).toEqual({
          opened: 0,
          multiAgencyOpened: 0,
          closed: 2,
          closedWithActionsComplete: 2,
          closedWithoutAction: 0,
        });
        expect(body.actions).toEqual({ opened: 0, completed: 2, signedOff: 3, withdrawn: 0 });
      });
    });

    describe('the year 2014/15, when B1’s review began beside two parallel processes (§7.1, §7.2)', () => {
      let body: Body;
      beforeAll(async () => {
        body = await report('/api/reports/annual?from=2014-04-01&to=2015-03-31');
      });

      it('counts B1’s two processes started, R’s social care investigation concluded, four open at the year end', () => {
        // B1-03, B1-04 on 2014-10-07; R-10 on 2014-12-31; open: PP-B1-1, PP-B1-2, PP-R-1, PP-R-2.
        expect(body.parallelProcesses).toEqual({
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

      it('counts B1, referred in the year, with the child protection plan she had at the incident', () => {
        expect(body.children).toMatchObject({ total: 1, byEthnicity: { NOT_RECORDED: 1 } });
        expect(body.children.circumstances).toMatchObject({
          childProtectionPlan: { yes: 1, no: 0, notRecorded: 0 },
          lookedAfter: { yes: 0, no: 0, notRecorded: 1 },
        });
      });

      it('has B1’s parents invited (their silence came on 2015-04-30, after the year) and nothing recorded for R', () => {
        // Active: B1 (commissioned 2015-01-14) and R (2013-04-10, signed off 2021-11-10).
        expect(body.reviews.active).toBe(2);
        expect(body.familyInvolvement).toEqual({
          reviews: 2,
          byInvolvement: {
            INVITED: 1,
            CONTRIBUTED: 0,
            NO_RESPONSE: 0,
            DECLINED: 0,
            KEPT_INFORMED: 0,
            NOT_PURSUED: 0,
            NONE_RECORDED: 1,
          },
        });
      });
    });

    describe('the year 2020/21, when Sam & Kyle and Child T were signed off', () => {
      let body: Body;
      beforeAll(async () => {
        body = await report('/api/reports/annual?from=2020-04-01&to=2021-03-31');
      });

      it('bands SK at over two years (847 days) and T under six months (166 days from its revised decision)', () => {
        expect(
          body.reviewCompletion.reviews.map((r: Body) => [r.caseId, r.days, r.band, r.evaluation]),
        ).toEqual([
          ['SK', 847, 'OVER_2_YEARS', 'NOT_EVALUATED'],
          ['T', 166, 'UNDER_6_MONTHS', 'NOT_EVALUATED'],
        ]);
        expect(
          body.reviewCompletion.byEvaluation.map((r: Body) => [r.evaluation, r.total]),
        ).toEqual([
          ['OUTSTANDING', 0],
          ['GOOD', 0],
          ['ADEQUATE', 0],
          ['INADEQUATE', 0],
          ['NOT_EVALUATED', 2],
        ]);
      });

      it('still has OX-1617-03 and OX-1617-04 pending, 1,500 and 1,479 days old', () => {
        // 2017-02-20 → 2021-02-20 is 4 years with one 29 February (1,461 days), + 39; likewise + 18.
        expect(body.pendingAtPeriodEnd.cases.map((c: Body) => [c.caseId, c.ageDays])).toEqual([
          ['OX-1617-03', 1500],
          ['OX-1617-04', 1479],
        ]);
      });

      it('opens SK’s five recommendations and actions, and completes SK-A1 and SK-A2', () => {
        expect(body.recommendations).toMatchObject({ opened: 5, multiAgencyOpened: 5, closed: 2 });
        expect(body.actions).toEqual({ opened: 5, completed: 2, signedOff: 0, withdrawn: 0 });
        expect(body.referrals.total).toBe(0);
      });
    });

    describe('when SK and T are later evaluated (synthetic: domain.md records no grade)', () => {
      const year = '/api/reports/annual?from=2020-04-01&to=2021-03-31';
      const rows = (body: Body) =>
        body.reviewCompletion.reviews.map((r: Body) => [r.caseId, r.evaluation, r.evaluatedBy]);
      beforeAll(async () => {
        // SK's grade was given in November 2020 but entered only after the year had closed.
        head = await send(
          t,
          token,
          'SK',
          [evaluation('2020-11-20', 'ADEQUATE', '2021-04-30')],
          'SK-eval',
        );
        head = await send(t, token, 'T', [evaluation('2021-06-01', 'GOOD')], 'T-eval');
      });

      it('cross-tabulates each grade with the completion band: SK adequate over two years, T good under six months', async () => {
        const body = await report(year);
        expect(rows(body)).toEqual([
          ['SK', 'ADEQUATE', 'INTERNAL'],
          ['T', 'GOOD', 'INTERNAL'],
        ]);
        const none = { UNDER_6_MONTHS: 0, '6_TO_12_MONTHS': 0, '1_TO_2_YEARS': 0, OVER_2_YEARS: 0 };
        expect(body.reviewCompletion.byEvaluation).toEqual([
          { evaluation: 'OUTSTANDING', bands: none, total: 0 },
          { evaluation: 'GOOD', bands: { ...none, UNDER_6_MONTHS: 1 }, total: 1 },
          { evaluation: 'ADEQUATE', bands: { ...none, OVER_2_YEARS: 1 }, total: 1 },
          { evaluation: 'INADEQUATE', bands: none, total: 0 },
          { evaluation: 'NOT_EVALUATED', bands: none, total: 0 },
        ]);
      });

      it('grades as they stood on the day: at the year end T was not evaluated, and the board did not yet know SK’s grade', async () => {
        expect(rows(await report(`${year}&asOf=2021-03-31`))).toEqual([
          ['SK', 'ADEQUATE', 'INTERNAL'],
          ['T', 'NOT_EVALUATED', null],
        ]);
        expect(rows(await report(`${year}&asOf=2021-03-31&mode=known`))).toEqual([
          ['SK', 'NOT_EVALUATED', null],
          ['T', 'NOT_EVALUATED', null],
        ]);
      });
    });

    describe('when the request is not valid', () => {
      it.each([
        ['no period', '', ['from', 'to']],
        ['a period ending before it starts', 'from=2017-03-31&to=2016-04-01', ['from']],
        ['a period ending in the future', 'from=2026-04-01&to=2027-03-31', ['to']],
        [
          'a report drawn before the period ended',
          'from=2016-04-01&to=2017-03-31&asOf=2017-01-01',
          ['asOf'],
        ],
        ['an unknown parameter', 'from=2016-04-01&to=2017-03-31&partnership=ox', ['partnership']],
      ])('refuses %s with 400 naming the fields', async (_name, query, fields) => {
        const res = await get(`/api/reports/annual?${query}`).expect(400);
        const named = [...new Set((res.body.errors as Body[]).map((e) => e.field))];
        expect(named.sort()).toEqual([...fields].sort());
      });
    });
  });
});
