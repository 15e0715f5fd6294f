import { EventStore, NO_STREAM } from '@casetrail/event-store';
import { sampleEvent } from '@casetrail/event-store/testing/sample-events';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the service on the embedded store', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
  });
  afterAll(() => t.close());

  describe('GET /health', () => {
    it('answers without a token, with the durability pragmas and each projection lag', async () => {
      const res = await t.http().get('/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        store: { adapter: 'sqlite', reachable: true, details: { journalMode: 'wal', synchronous: 2 } },
      });
      const projections = res.body.projections as { name: string }[];
      expect(projections.map((p) => p.name).sort()).toEqual(['action_plans', 'case_status', 'event_counts', 'portfolio', 'reporting']);
      for (const projection of projections) {
        expect(projection).toMatchObject({ eventsBehind: 0, secondsBehind: 0, failure: null });
      }
    });
  });

  describe('when a request has no valid token', () => {
    it.each([
      ['no header', undefined],
      ['another scheme', 'Basic YWRhOnNlY3JldA=='],
      ['a forged token', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.'],
    ])('answers 401 problem+json for %s', async (_name, authorization) => {
      const req = t.http().get('/api/stats/event-counts');
      if (authorization) req.set('Authorization', authorization);
      const res = await req.expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({ type: '/problems/unauthenticated', status: 401, instance: '/api/stats/event-counts' });
    });
  });

  describe('when a client reads its own writes', () => {
    it('waits until the read models have reached the position it was given', async () => {
      const store = t.app.get(EventStore);
      await store.append('case-1', NO_STREAM, [sampleEvent('CaseReferred'), sampleEvent('DecisionRecorded')]);
      const { position } = await store.append('case-2', NO_STREAM, [sampleEvent('CaseReferred')]);

      const res = await t
        .http()
        .get(`/api/stats/event-counts?minPosition=${position}&waitMs=5000`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(res.body.counts).toEqual([
        { eventType: 'CaseReferred', count: 2 },
        { eventType: 'DecisionRecorded', count: 1 },
      ]);
    });

    it('answers 503 with Retry-After when they do not get there in time', async () => {
      const res = await t
        .http()
        .get('/api/stats/event-counts?minPosition=999999&waitMs=50')
        .set('Authorization', `Bearer ${token}`)
        .expect(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ type: '/problems/read-models-behind', requestedPosition: '999999' });
    });
  });

  describe('when a query is malformed', () => {
    it('answers 400 naming each field and reason', async () => {
      const res = await t
        .http()
        .get('/api/stats/event-counts?minPosition=-1&waitMs=abc&colour=red')
        .set('Authorization', `Bearer ${token}`)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['minPosition', 'waitMs', 'colour']));
    });

    it.each([
      ['a URL that cannot be decoded', (http: ReturnType<TestApp['http']>) => http.get('/api/cases/%FF'), 400],
      ['a body that is not valid JSON', (http: ReturnType<TestApp['http']>) => http.post('/api/cases').set('Content-Type', 'application/json').send('{"caseRef":'), 400],
      ['an empty JSON body', (http: ReturnType<TestApp['http']>) => http.post('/api/cases').set('Content-Type', 'application/json').send(''), 400],
      ['a body over 100 KiB', (http: ReturnType<TestApp['http']>) => http.post('/api/cases').send({ summary: 'x'.repeat(101 * 1024) }), 413],
    ])('answers %s with problem+json', async (_what, send, status) => {
      const res = await send(t.http()).set('Authorization', `Bearer ${token}`).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: `/problems/http-${status}`, status, detail: expect.any(String), instance: expect.stringMatching(/^\/api\/cases/) });
    });

    it('answers 404 problem+json for an unknown route', async () => {
      const res = await t.http().get('/api/nothing-here').set('Authorization', `Bearer ${token}`).expect(404);
      expect(res.body).toMatchObject({ status: 404, type: '/problems/http-404' });
    });
  });
});
