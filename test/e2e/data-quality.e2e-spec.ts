import { CHILD_B1, type SeedRequest } from '../../apps/api/src/demo/seed-timelines';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { sendSeedRequests, signedBy } from '../support/seed-requests';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The data-quality queue over HTTP (domain.md §6.7): Child B1's timeline and action plan (§7.1)
 * go in as commands, each dated as the board knew it, and the queue is read on the dates §7.1
 * gives values for. The leads are the register's; the outcome measures are the seed's (blank on
 * both CCG rows, as 003 has them). Every expected list below is worked out by hand.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('GET /api/reports/data-quality (the queue, §6.7)', () => {
  let t: TestApp;
  let token: string;
  let head: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const queue = async (query: string): Promise<Body> =>
    (await get(`/api/reports/data-quality?${query}&minPosition=${head}&waitMs=5000`).expect(200))
      .body as Body;
  const send = (requests: SeedRequest[], keyPrefix: string) =>
    sendSeedRequests(t, 'B1', signedBy(token, requests), keyPrefix, { backFilled: true });
  const problemsOf = (body: Body) =>
    (body.items as Body[]).map((a) => [a.actionId, a.findings.map((f: Body) => f.problem)]);

  beforeAll(async () => {
    t = await startTestApp({}, { clock: new FixedClock(at('2026-11-23')) });
    token = await t.tokenFor();
    head = await send(CHILD_B1.requests, 'B1-case');
    head = await send(CHILD_B1.actionPlan ?? [], 'B1-plan');
  });
  afterAll(() => t.close());

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
