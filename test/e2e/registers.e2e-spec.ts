import { CHILD_B1, SAM_AND_KYLE, type SeedRequest } from '../../apps/api/src/demo/seed-timelines';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { ReportBuilder, ReportsInThread } from '../../apps/api/src/reports/report-builder';
import { ReportThread } from '../../apps/api/src/reports/report-thread';
import { sendSeedRequests, signedBy } from '../support/seed-requests';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The registers that say what to follow up (domain.md §6.7): the data-quality queue and the
 * unplanned and repeated recommendations. Child B1's timeline and action plan (§7.1) go in as
 * commands, each dated as the board knew it, with Sam & Kyle's timeline (§7.3) as a later review
 * to repeat B1's recommendations; the registers are read on the dates §7.1 gives values for. The
 * leads are the register's; the outcome measures are the seed's (blank on both CCG rows, as 003
 * has them). Every expected list below is worked out by hand.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Built on a thread of their own (the default), and on the request thread: the same answers. */
const THREADS = ['worker', 'main'] as const;

describe.each(THREADS)('the follow-up registers over HTTP (§6.7), %s thread', (thread) => {
  let t: TestApp;
  let token: string;
  let head: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  /** A report as it stands once everything sent so far is in the read models. */
  const reportOf =
    (name: string) =>
    async (query: string): Promise<Body> =>
      (await get(`/api/reports/${name}?${query}&minPosition=${head}&waitMs=5000`).expect(200))
        .body as Body;
  const queue = reportOf('data-quality');
  const register = reportOf('unplanned-and-repeated-recommendations');
  const themes = reportOf('learning-themes');
  const send = (requests: SeedRequest[], keyPrefix: string, caseId = 'B1') =>
    sendSeedRequests(t, caseId, signedBy(token, requests), keyPrefix, { backFilled: true });
  const problemsOf = (body: Body) =>
    (body.items as Body[]).map((a) => [a.actionId, a.findings.map((f: Body) => f.problem)]);

  beforeAll(async () => {
    const clock = new FixedClock(at('2026-11-23'));
    t = await startTestApp({ CASETRAIL_REPORTS_THREAD: thread }, { clock });
    token = await t.tokenFor();
    head = await send(CHILD_B1.requests, 'B1-case');
    head = await send(CHILD_B1.actionPlan ?? [], 'B1-plan');
    head = await send(SAM_AND_KYLE.requests, 'SK-case', 'SK');
  });
  afterAll(() => t.close());

  it('are built where CASETRAIL_REPORTS_THREAD says', () => {
    const where = thread === 'worker' ? ReportThread : ReportsInThread;
    expect(t.app.get(ReportBuilder)).toBeInstanceOf(where);
  });

  describe('GET /api/reports/data-quality (the queue)', () => {
    it('lists on 2015-05-01 the nine of sixteen open actions with something to put right', async () => {
      const body = await queue('asOf=2015-05-01');
      // No action is signed off until 2015-07-22, so all 16 are open. Named leads with a measure
      // and a date have nothing to put right: A05, A06, A07, A08, A11, A12 and A16.
      expect(problemsOf(body)).toEqual([
        ['B1-A01', ['ORGANISATION_ONLY_LEAD', 'NO_OUTCOME_MEASURE']],
        ['B1-A02', ['ORGANISATION_ONLY_LEAD', 'NO_OUTCOME_MEASURE']],
        // B1-17: completed 2015-03-27, recorded 2015-04-15.
        ['B1-A03', ['ORGANISATION_ONLY_LEAD', 'OUTPUT_ONLY_MEASURE', 'LATE_ENTRY']],
        ['B1-A04', ['ORGANISATION_ONLY_LEAD', 'OUTPUT_ONLY_MEASURE']],
        ['B1-A09', ['ORGANISATION_ONLY_LEAD']],
        ['B1-A10', ['ORGANISATION_ONLY_LEAD']],
        ['B1-A13', ['ORGANISATION_ONLY_LEAD']],
        ['B1-A14', ['ORGANISATION_ONLY_LEAD', 'OUTPUT_ONLY_MEASURE']],
        ['B1-A15', ['OUTPUT_ONLY_MEASURE', 'NO_DUE_DATE']],
      ]);
      expect(body).toMatchObject({
        asOf: '2015-05-01',
        mode: 'effective',
        total: 9,
        byProblem: {
          ORGANISATION_ONLY_LEAD: 8,
          NO_OUTCOME_MEASURE: 2,
          OUTPUT_ONLY_MEASURE: 4,
          NO_DUE_DATE: 1,
          TRIGGER_PASSED: 0,
          LATE_ENTRY: 1,
        },
        byAgency: [
          { name: "Children's Social Care", count: 2 },
          { name: 'Leicester City CCG', count: 2 },
          { name: 'Leicester LSCB', count: 2 },
          { name: 'Leicestershire Partnership NHS Trust', count: 2 },
          { name: 'University Hospitals of Leicester NHS Trust', count: 1 },
        ],
      });
      expect(body.items[2]).toMatchObject({
        caseRef: 'SCR B1',
        number: null,
        agency: 'Leicestershire Partnership NHS Trust',
        lead: { displayText: 'Named Nurses Safeguarding Children', persons: [] },
        timescaleText: '31.03.2015',
        findings: [
          { problem: 'ORGANISATION_ONLY_LEAD' },
          { problem: 'OUTPUT_ONLY_MEASURE' },
          {
            problem: 'LATE_ENTRY',
            detail: 'ActionCompleted of 2015-03-27 was known only on 2015-04-15, 19 days later',
            on: '2015-03-27',
          },
        ],
      });
    });

    it('sees B1-A03’s late completion on 2015-04-10 as effective, but not as then known', async () => {
      const lateOf = async (mode: string) =>
        (await queue(`asOf=2015-04-10&mode=${mode}&problem=LATE_ENTRY`)).items.map(
          (a: Body) => a.actionId,
        );
      expect(await lateOf('effective')).toEqual(['B1-A03']);
      expect(await lateOf('known')).toEqual([]);
    });

    it('keeps on 2016-01-05 only the four actions still open (§7.1: A09, A10, A15, A17)', async () => {
      const body = await queue('asOf=2016-01-05');
      expect(problemsOf(body)).toEqual([
        ['B1-A09', ['ORGANISATION_ONLY_LEAD']],
        ['B1-A10', ['ORGANISATION_ONLY_LEAD']],
        ['B1-A15', ['OUTPUT_ONLY_MEASURE', 'NO_DUE_DATE']],
        // "LSCB business manager" names a post, not a person.
        ['B1-A17', ['ORGANISATION_ONLY_LEAD']],
      ]);
    });

    it('filters by problem and agency, and pages', async () => {
      const output = await queue('asOf=2015-05-01&problem=OUTPUT_ONLY_MEASURE');
      expect(output.items.map((a: Body) => a.actionId)).toEqual([
        'B1-A03',
        'B1-A04',
        'B1-A14',
        'B1-A15',
      ]);
      expect(output.total).toBe(4);
      // Counts per problem stay those of the whole queue.
      expect(output.byProblem.ORGANISATION_ONLY_LEAD).toBe(8);
      const csc = await queue(
        `asOf=2015-05-01&agency=${encodeURIComponent("children's social care")}`,
      );
      expect(csc.items.map((a: Body) => a.actionId)).toEqual(['B1-A09', 'B1-A10']);
      const second = await queue('asOf=2015-05-01&page=2&pageSize=4');
      expect(second.items.map((a: Body) => a.actionId)).toEqual([
        'B1-A09',
        'B1-A10',
        'B1-A13',
        'B1-A14',
      ]);
      expect(second).toMatchObject({ total: 9, page: 2, pageSize: 4 });
    });

    it('flags a conditional action whose report is out with no due date set (published 2016-06-13)', async () => {
      head = await send(
        [
          {
            path: '/api/cases/B1/recommendations/OVR-23.1-i/actions',
            body: {
              occurredOn: '2016-06-20',
              actionId: 'B1-A18',
              actionText: 'Plan an audit of the agencies’ actions',
              desiredOutcome: 'The board is satisfied that practice has improved',
              lead: {
                displayText: 'Jo Bloggs, LSCB business manager',
                persons: ['Jo Bloggs'],
                agency: 'Leicester LSCB',
              },
              agency: 'Leicester LSCB',
              timescaleText: 'Following publication of the report',
              outcomeMeasure: 'Audit findings presented to the board',
              outcomeMeasureType: 'PROCESS',
            },
          },
        ],
        'B1-A18',
      );
      const body = await queue('asOf=2016-07-01&caseId=B1');
      expect(problemsOf(body)).toEqual([
        // Dated on publication (B1-57), so only its measure is left to put right.
        ['B1-A15', ['OUTPUT_ONLY_MEASURE']],
        ['B1-A18', ['NO_DUE_DATE', 'TRIGGER_PASSED']],
      ]);
      expect(body.items[1].findings[1]).toEqual({
        problem: 'TRIGGER_PASSED',
        detail: 'Waiting on "Following publication of the report", which happened 18 days ago',
        on: '2016-06-13',
      });
      // A15 got its date on the day of publication, so its trigger never stood passed.
      expect((await queue('asOf=2016-06-13&problem=TRIGGER_PASSED')).total).toBe(0);
    });

    it('refuses an unknown problem, a bad page and a future date with 400 naming the field', async () => {
      const problem = await get('/api/reports/data-quality?problem=TYPO').expect(400);
      expect(problem.body.errors).toEqual([expect.objectContaining({ field: 'problem' })]);
      const page = await get('/api/reports/data-quality?pageSize=1000').expect(400);
      expect(page.body.errors).toEqual([expect.objectContaining({ field: 'pageSize' })]);
      const future = await get('/api/reports/data-quality?asOf=2026-11-24').expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    });
  });

  describe('GET /api/reports/unplanned-and-repeated-recommendations (the register)', () => {
    const repeatsB1 = (recommendationId: string, number: string): SeedRequest => ({
      path: '/recommendations',
      body: {
        occurredOn: '2020-08-03',
        recommendationId,
        number,
        text: 'Conference chairs to review invitation lists, as SCR B1 asked',
        source: 'REPEATED_FROM_PRIOR_REVIEW',
        addressedTo: 'Thurrock Safeguarding Children Partnership',
        scope: 'MULTI_AGENCY',
        themes: [],
        repeats: {
          review: 'SCR B1',
          number: '23.2(i)',
          caseId: 'B1',
          recommendationId: 'OVR-23.2-i',
        },
      },
    });

    it('lists on 2016-01-05 B1’s seven recommendations with no action, five repeated (§7.1)', async () => {
      const body = await register('asOf=2016-01-05');
      // All added 2015-09-30, 97 days before (31 + 30 + 31 + 5); 23.1(iii) has B1-A17.
      expect(
        (body.items as Body[]).map((r) => [
          r.recommendationId,
          r.status,
          r.daysUnplanned,
          r.repeats?.review ?? null,
        ]),
      ).toEqual([
        ['OVR-23.1-i', 'UNPLANNED', 97, null],
        ['OVR-23.1-ii', 'UNPLANNED', 97, null],
        ['OVR-23.2-i', 'UNPLANNED', 97, 'Child A and Child Q SCRs'],
        ['OVR-23.2-ii', 'UNPLANNED', 97, 'Child A and Child Q SCRs'],
        ['OVR-23.2-iii', 'UNPLANNED', 97, 'Child A and Child Q SCRs'],
        ['OVR-23.2-iv', 'UNPLANNED', 97, 'Child A and Child Q SCRs'],
        ['OVR-23.2-v', 'UNPLANNED', 97, 'Child A and Child Q SCRs'],
      ]);
      expect(body).toMatchObject({ total: 7, unplanned: 7, repeated: 5, repeatedAndUnplanned: 5 });
      expect(body.items[2]).toMatchObject({
        caseRef: 'SCR B1',
        number: '23.2(i)',
        source: 'REPEATED_FROM_PRIOR_REVIEW',
        actions: 0,
        repeats: { review: 'Child A and Child Q SCRs', earlier: null },
      });
    });

    it('shows the progress report marking the same five as repeated', async () => {
      const body = await reportOf('progress')('asOf=2016-01-05&caseId=B1');
      const recommendations = (body.reviews.items[0].byRecommendation as Body[]).filter(
        (r) => r.repeats,
      );
      expect(recommendations.map((r) => r.number)).toEqual([
        '23.2(i)',
        '23.2(ii)',
        '23.2(iii)',
        '23.2(iv)',
        '23.2(v)',
      ]);
    });

    it('links a later review’s repeat to B1’s recommendation, and shows how that one stands', async () => {
      head = await send([repeatsB1('SK-REP-1', 'R1')], 'SK-repeat', 'SK');
      const body = await register('asOf=2020-08-10&kind=REPEATED');
      // B1's five, added first, then Sam & Kyle's; none has an action.
      expect((body.items as Body[]).map((r) => r.recommendationId)).toEqual([
        'OVR-23.2-i',
        'OVR-23.2-ii',
        'OVR-23.2-iii',
        'OVR-23.2-iv',
        'OVR-23.2-v',
        'SK-REP-1',
      ]);
      expect(body.items[5]).toMatchObject({
        caseRef: 'SCR Sam & Kyle',
        status: 'UNPLANNED',
        daysUnplanned: 7,
        repeats: {
          review: 'SCR B1',
          number: '23.2(i)',
          earlier: {
            caseRef: 'SCR B1',
            number: '23.2(i)',
            status: 'UNPLANNED',
            actions: 0,
            complete: 0,
          },
        },
      });
    });

    it('refuses a link to a recommendation the earlier case does not have, and records nothing', async () => {
      const wrong = repeatsB1('SK-REP-2', 'R2');
      const res = await t
        .http()
        .post('/api/cases/SK/recommendations')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'SK-repeat-wrong')
        .send({
          ...wrong.body,
          repeats: { review: 'SCR B1', caseId: 'B1', recommendationId: 'OVR-99' },
        })
        .expect(422);
      expect(res.body).toMatchObject({ rule: 'repeated-recommendation-on-record' });
      const unsourced = await t
        .http()
        .post('/api/cases/SK/recommendations')
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', 'SK-repeat-unsourced')
        .send({ ...wrong.body, source: 'OVERVIEW_REPORT' })
        .expect(422);
      expect(unsourced.body).toMatchObject({ rule: 'only-a-repeated-recommendation-repeats' });
      const body = await register('asOf=2020-08-10&kind=REPEATED');
      expect(body.total).toBe(6);
    });

    it('refuses an unknown kind with 400 naming the field', async () => {
      const res = await get('/api/reports/unplanned-and-repeated-recommendations?kind=ALL').expect(
        400,
      );
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    });

    it('refuses a repeat that does not name its review, and a milestone not in the list, with 400 naming the field', async () => {
      const post = (path: string, body: object, key: string) =>
        t
          .http()
          .post(path)
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', key)
          .send(body)
          .expect(400);
      const unnamed = await post(
        '/api/cases/SK/recommendations',
        { ...repeatsB1('SK-REP-3', 'R3').body, repeats: { number: '23.2(i)' } },
        'SK-repeat-unnamed',
      );
      // Missing, so both of the field's checks fail: every error names it.
      expect(new Set(unnamed.body.errors.map((e: Body) => e.field))).toEqual(
        new Set(['repeats.review']),
      );
      const milestone = await post(
        '/api/cases/B1/recommendations/OVR-23.1-ii/actions',
        {
          occurredOn: '2016-06-20',
          actionId: 'B1-A19',
          actionText: 'Train assessors in culturally sensitive practice',
          desiredOutcome: 'Assessments take account of a family’s cultural identity',
          lead: { displayText: 'Training lead', persons: [], agency: 'Leicester LSCB' },
          agency: 'Leicester LSCB',
          timescaleText: 'When funding allows',
          triggerEvent: 'FUNDING_AGREED',
        },
        'B1-A19',
      );
      expect(milestone.body.errors).toEqual([expect.objectContaining({ field: 'triggerEvent' })]);
    });
  });

  describe('GET /api/reports/learning-themes (the register)', () => {
    const B1_THEMES = [
      // B1-01's themes, in the vocabulary's order: each met by one case, nothing found yet.
      'NEGLECT',
      'DOMESTIC_ABUSE',
      'PARENTAL_SUBSTANCE_MISUSE',
      'FAILURE_TO_THRIVE',
      'ATTACHMENT',
      'ESCALATION',
      'LEGAL_ADVICE',
      'RACE_AND_CULTURE',
    ];

    it('lists on 2016-01-05 B1’s referral themes, its review the only one commissioned', async () => {
      const body = await themes('asOf=2016-01-05');
      expect(body).toMatchObject({ asOf: '2016-01-05', cases: 1, mostCommon: B1_THEMES });
      expect((body.items as Body[]).map((t) => t.theme)).toEqual(B1_THEMES);
      expect(body.items[0]).toEqual({
        theme: 'NEGLECT',
        cases: 1,
        findings: 0,
        recommendations: 0,
        disseminations: 0,
        attendance: 0,
        reviews: [
          {
            caseId: 'B1',
            caseRef: 'SCR B1',
            reviewType: 'SCR',
            publishedOn: null,
            url: null,
            learningSummaryUrl: null,
            from: ['REFERRAL'],
          },
        ],
        spread: [],
      });
    });

    it('puts first what the review found and spread: failure to thrive, by a briefing of 40', async () => {
      head = await send(
        [
          {
            path: '/findings',
            body: {
              occurredOn: '2016-06-20',
              findingId: 'B1-F1',
              text: 'Weight loss was not weighed against the history of neglect',
              themes: ['NEGLECT', 'FAILURE_TO_THRIVE'],
            },
          },
          {
            path: '/learning/disseminations',
            body: {
              occurredOn: '2016-07-01',
              format: '7_MINUTE_BRIEFING',
              audience: 'Health visitors and GPs',
              attendance: 40,
              themes: ['FAILURE_TO_THRIVE'],
              link: 'https://example.org/b1-7-minute-briefing',
            },
          },
        ],
        'B1-learning',
      );
      const body = await themes('asOf=2016-07-02');
      // Both met by B1 alone and found once; failure to thrive was spread too.
      expect(body.mostCommon.slice(0, 2)).toEqual(['FAILURE_TO_THRIVE', 'NEGLECT']);
      expect(body.items[0]).toMatchObject({
        theme: 'FAILURE_TO_THRIVE',
        cases: 1,
        findings: 1,
        disseminations: 1,
        attendance: 40,
        reviews: [
          {
            caseId: 'B1',
            publishedOn: '2016-06-13',
            from: ['REFERRAL', 'FINDING', 'DISSEMINATION'],
          },
        ],
        spread: [
          {
            caseId: 'B1',
            caseRef: 'SCR B1',
            on: '2016-07-01',
            format: '7_MINUTE_BRIEFING',
            audience: 'Health visitors and GPs',
            attendance: 40,
            link: 'https://example.org/b1-7-minute-briefing',
          },
        ],
      });
      // Before the briefing, as then known, only the finding.
      const before = await themes('asOf=2016-06-25&mode=known');
      expect(before.items[0]).toMatchObject({ theme: 'NEGLECT', findings: 1, disseminations: 0 });
    });

    it('counts Sam & Kyle’s review from its commissioning (2018-03-12): neglect and escalation in two cases', async () => {
      const body = await themes('asOf=2018-03-12');
      expect(body.cases).toBe(2);
      expect(body.mostCommon.slice(0, 3)).toEqual(['NEGLECT', 'ESCALATION', 'FAILURE_TO_THRIVE']);
      // B1 published (2016-06-13) before Sam & Kyle, not yet published then.
      expect(body.items[1].reviews.map((r: Body) => [r.caseId, r.from])).toEqual([
        ['B1', ['REFERRAL']],
        ['SK', ['REFERRAL']],
      ]);
    });

    it('gives one theme alone when asked, and refuses one not in the vocabulary', async () => {
      const body = await themes('asOf=2018-03-12&theme=ESCALATION');
      expect(body.items.map((t: Body) => [t.theme, t.cases])).toEqual([['ESCALATION', 2]]);
      const res = await get('/api/reports/learning-themes?theme=BULLYING').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'theme' })]);
    });

    it('refuses learning spread in an unknown format, or with a link that is not a URL', async () => {
      const post = (body: object) =>
        t
          .http()
          .post('/api/cases/B1/learning/disseminations')
          .set('Authorization', `Bearer ${token}`)
          .set('Idempotency-Key', `bad-${JSON.stringify(body).length}`)
          .send({
            occurredOn: '2016-07-01',
            audience: 'All',
            themes: [],
            format: 'PODCAST',
            ...body,
          })
          .expect(400);
      expect((await post({})).body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
      const link = await post({ format: 'NEWSLETTER', link: 'not a url' });
      expect(link.body.errors).toEqual([expect.objectContaining({ field: 'link' })]);
    });
  });
});
