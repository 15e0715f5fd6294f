import type { CaseEvent } from '@casetrail/domain';
import { EventStore, NO_STREAM } from '@casetrail/event-store';
import { sampleEvent } from '@casetrail/event-store/testing/sample-events';
import { ReadModelStore } from '@casetrail/projections';
import { caseStatusProjection } from '@casetrail/projections/case-status/case-status.projection';
import { childB1, childR, childT } from '@casetrail/projections/case-status/testing/sample-cases';
import { SEED_CASES } from '../../apps/api/src/demo/seed-timelines';
import { Clock } from '../../apps/api/src/infrastructure/clock';
import { startTestApp, type TestApp } from '../support/test-app';

const TODAY = '2020-07-01';

describe('the case queries', () => {
  let t: TestApp;
  let token: string;
  let head: bigint;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
    jest.spyOn(t.app.get(Clock), 'today').mockReturnValue(TODAY);
    const store = t.app.get(EventStore);
    const append = (caseId: string, events: CaseEvent[]) =>
      store.append(
        `case-${caseId}`,
        NO_STREAM,
        events.map((e) => sampleEvent(e.type, e.data)),
      );
    await append('B1', childB1);
    await append('R', childR.slice(0, -2));
    await append('T', childT.slice(0, 9));
    head = (await append('U', childU)).position;
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const ids = (body: { items: Array<{ caseId: string }> }) => body.items.map((i) => i.caseId);

  describe(`GET /api/cases on ${TODAY}`, () => {
    it('lists every case, latest referral first, once the read model has caught up', async () => {
      const res = await get(`/api/cases?minPosition=${head}&waitMs=5000`).expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 4 });
      expect(ids(res.body)).toEqual(['U', 'T', 'B1', 'R']);
    });

    it('shows the running rapid review of U as the next deadline, 12 days away', async () => {
      const res = await get('/api/cases?regime=WT2018').expect(200);
      expect(res.body.items[0]).toEqual({
        caseId: 'U',
        caseRef: 'Rapid review Child U',
        pseudonyms: ['Child U'],
        status: 'UNDER_CONSIDERATION',
        stage: 'INTAKE',
        regime: 'WT2018',
        referredOn: '2020-06-22',
        referringAgency: 'Thames Valley Police',
        currentDecision: null,
        nextDeadline: {
          name: 'RAPID_REVIEW',
          dueOn: '2020-07-13',
          daysRemaining: 12,
          daysOverdue: null,
        },
        breachedClocks: 0,
        counts: { recommendations: 0, findings: 0, openParallelProcesses: 0 },
        lastEventOn: '2020-06-24',
        version: 3,
      });
    });

    it("counts T's late notification and its revised decision, with completion 35 days away", async () => {
      const res = await get('/api/cases?regime=WT2018').expect(200);
      expect(res.body.items[1]).toMatchObject({
        caseId: 'T',
        status: 'REVIEW_IN_PROGRESS',
        currentDecision: {
          decisionId: 'D-T-2',
          outcome: 'LCSPR_COMMISSIONED',
          decidedOn: '2020-02-05',
        },
        nextDeadline: { dueOn: '2020-08-05', daysRemaining: 35, daysOverdue: null },
        breachedClocks: 1,
      });
    });

    it("shows R's review completion, due 2013-09-28, as 2,468 days overdue", async () => {
      const res = await get('/api/cases?stage=REVIEW').expect(200);
      expect(ids(res.body)).toEqual(['T', 'R']);
      expect(res.body.items[1].nextDeadline).toEqual({
        name: 'REVIEW_COMPLETION',
        dueOn: '2013-09-28',
        daysRemaining: null,
        daysOverdue: 2468,
      });
    });

    it.each([
      ['status=PUBLISHED', ['B1']],
      ['stage=REVIEW&status=REVIEW_IN_PROGRESS', ['T']],
      ['theme=NEGLECT', ['B1']],
      ['agency=thames%20valley%20police', ['U']],
      ['clockBreached=true', ['T', 'B1', 'R']],
      ['clockBreached=false', ['U']],
      ['regime=WT2013&clockBreached=true', ['B1']],
      ['pageSize=2&page=2', ['B1', 'R']],
      ['page=3&pageSize=2', []],
    ])('filters with %s', async (query, expected) => {
      const res = await get(`/api/cases?${query}`).expect(200);
      expect(ids(res.body)).toEqual(expected);
      // Stage, status and regime alone are totalled from the projection's counts, others by counting.
      if (!query.includes('page')) expect(res.body.total).toBe(expected.length);
    });

    it('counts the cases while a generation without kept counts is still served (an upgrade)', async () => {
      const readModels = t.app.get(ReadModelStore);
      const active = readModels.active('case_status')!;
      readModels.db.exec('DROP VIEW case_counts');
      try {
        const res = await get('/api/cases?stage=REVIEW').expect(200);
        expect(res.body.total).toBe(2);
        expect((await get('/api/cases').expect(200)).body.total).toBe(4);
      } finally {
        readModels.activate(caseStatusProjection, active.generation);
      }
      expect((await get('/api/cases?stage=REVIEW').expect(200)).body.total).toBe(2);
    });

    it('reports the total before paging', async () => {
      const res = await get('/api/cases?pageSize=1&clockBreached=true').expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 1, total: 3 });
    });

    it('answers 400 problem+json naming each bad or unknown parameter', async () => {
      const res = await get(
        '/api/cases?status=OPEN&stage=LIMBO&clockBreached=yes&pageSize=500&theme=x&colour=red',
      ).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = (res.body.errors as Array<{ field: string; reason: string }>).map(
        (e) => e.field,
      );
      expect(new Set(fields)).toEqual(
        new Set(['status', 'stage', 'clockBreached', 'pageSize', 'theme', 'colour']),
      );
      expect(res.body.errors).toContainEqual({
        field: 'clockBreached',
        reason: 'clockBreached must be true or false',
      });
    });
  });

  describe('GET /api/cases/:caseId', () => {
    it('gives B1 with its clocks, each breach with its reason, and the stream version as ETag', async () => {
      const res = await get('/api/cases/B1').expect(200);
      expect(res.headers.etag).toBe(`"${childB1.length}"`);
      expect(res.body).toMatchObject({
        caseId: 'B1',
        status: 'PUBLISHED',
        stage: 'PUBLICATION',
        incident: { type: 'SERIOUS_HARM', date: '2014-08-27' },
        currentDecision: {
          decisionId: 'D-B1-1',
          decidedBy: 'Independent Chair of the LSCB',
          rationale: expect.any(String),
        },
        review: {
          reviewId: 'RV-B1',
          targetCompletionOn: '2015-06-19',
          signedOffOn: '2015-10-28',
          publishedOn: '2016-06-13',
        },
        pausedDays: 0,
        openContest: false,
        breachedClocks: 2,
        nextDeadline: null,
        version: childB1.length,
      });
      expect(res.body.themes).toContain('FAILURE_TO_THRIVE');
      expect(res.body.clocks).toEqual([
        {
          name: 'DECISION',
          anchorOn: '2014-10-07',
          dueOn: '2014-11-07',
          extendedTo: null,
          completedOn: '2014-12-19',
          status: 'BREACHED',
          daysLate: 42,
          daysRemaining: null,
          reasonForDelay: {
            code: 'CHANGE_OF_STAFF',
            detail: expect.stringContaining('change of key personnel'),
          },
        },
        expect.objectContaining({ name: 'REVIEW_COMPLETION', status: 'BREACHED', daysLate: 131 }),
      ]);
    });

    it("counts R's open pause up to today: 2014-01-15 → 2020-07-01 is 2,359 days", async () => {
      const res = await get('/api/cases/R').expect(200);
      expect(res.body).toMatchObject({
        status: 'REVIEW_PAUSED',
        review: { pausedSince: '2014-01-15' },
        pausedDays: 2359,
      });
    });

    it('shows a running clock with the days remaining', async () => {
      const res = await get('/api/cases/U').expect(200);
      expect(res.body.clocks).toEqual([
        expect.objectContaining({
          name: 'SERIOUS_INCIDENT_NOTIFICATION',
          status: 'MET',
          completedOn: '2020-06-24',
        }),
        expect.objectContaining({
          name: 'RAPID_REVIEW',
          status: 'RUNNING',
          daysLate: 0,
          daysRemaining: 12,
        }),
      ]);
    });

    it('answers 404 problem+json for a case it does not know', async () => {
      const res = await get('/api/cases/NOPE').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: '/problems/not-found',
        status: 404,
        instance: '/api/cases/NOPE',
      });
    });

    it('refuses unknown query parameters', async () => {
      await get('/api/cases/B1?colour=red').expect(400);
    });
  });
});

describe('the case queries over the seed timelines recorded as commands', () => {
  let t: TestApp;
  let token: string;
  let head: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
    for (const seed of SEED_CASES) {
      for (const [i, { path, body }] of seed.requests.entries()) {
        const res = await t
          .http()
          .post(`/api/cases${path === '' ? '' : `/${seed.caseId}${path}`}`)
          .set({ Authorization: `Bearer ${token}`, 'Idempotency-Key': `${seed.caseId}-${i}` })
          .send(path === '' ? { ...body, caseId: seed.caseId } : body)
          .expect(201);
        head = res.body.position;
      }
    }
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);

  it('projects every case without a failure', async () => {
    const res = await get(`/api/cases?minPosition=${head}&waitMs=5000&pageSize=200`).expect(200);
    expect(res.body.total).toBe(SEED_CASES.length);
    const health = await t.http().get('/health').expect(200);
    expect(health.body.projections).toContainEqual(
      expect.objectContaining({ name: 'case_status', failure: null }),
    );
  });

  it('agrees with domain.md §7.1 on Child B1: decision 42 days late, completion 131 days late', async () => {
    const res = await get('/api/cases/B1').expect(200);
    expect(res.body).toMatchObject({ status: 'PUBLISHED', counts: { recommendations: 23 } });
    expect(res.body.clocks).toEqual([
      expect.objectContaining({
        name: 'DECISION',
        completedOn: '2014-12-19',
        daysLate: 42,
        reasonForDelay: expect.objectContaining({ code: 'CHANGE_OF_STAFF' }),
      }),
      expect.objectContaining({
        name: 'REVIEW_COMPLETION',
        completedOn: '2015-10-28',
        daysLate: 131,
      }),
    ]);
  });

  it('agrees with domain.md §7.2 on Child R: paused 2014-01-15 → 2020-09-28, 2,448 days', async () => {
    const res = await get('/api/cases/R').expect(200);
    expect(res.body).toMatchObject({ pausedDays: 2448, review: { pausedSince: null } });
  });

  it('agrees with domain.md §7.5 on Child T: the revised decision is current and publication was late', async () => {
    const res = await get('/api/cases/T').expect(200);
    expect(res.body).toMatchObject({
      status: 'PUBLISHED',
      currentDecision: { decisionId: 'D-T-2', decidedOn: '2020-02-05' },
    });
    expect(res.body.clocks).toContainEqual(
      expect.objectContaining({ name: 'REVIEW_COMPLETION', anchorOn: '2020-02-05', status: 'MET' }),
    );
    // Due 2020-08-05 (decision + 6 months), published 2021-05-10.
    expect(res.body.clocks).toContainEqual(
      expect.objectContaining({ name: 'PUBLICATION', status: 'BREACHED', daysLate: 278 }),
    );
  });
});

/**
 * A synthetic WT2018 case with a rapid review under way: aware Monday 2020-06-22, notified within
 * 5 working days (due 2020-06-29), rapid review due on the 15th working day, 2020-07-13.
 */
const childU: CaseEvent[] = [
  {
    type: 'CaseReferred',
    data: {
      occurredOn: '2020-06-22',
      caseId: 'U',
      caseRef: 'Rapid review Child U',
      regime: 'WT2018',
      referringAgency: 'Thames Valley Police',
      subjects: [{ pseudonym: 'Child U', role: 'SUBJECT', ageBand: '1_TO_5' }],
      incident: { type: 'SERIOUS_HARM', date: '2020-06-20', datePrecision: 'DAY' },
      becameAwareOn: '2020-06-22',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['PHYSICAL_ABUSE'],
      summary: 'Synthetic.',
    },
  },
  {
    type: 'SeriousIncidentNotified',
    data: {
      occurredOn: '2020-06-24',
      becameAwareOn: '2020-06-22',
      notifiedTo: ['PANEL', 'OFSTED'],
      dueOn: '2020-06-29',
    },
  },
  { type: 'RapidReviewStarted', data: { occurredOn: '2020-06-24', dueOn: '2020-07-13' } },
];
