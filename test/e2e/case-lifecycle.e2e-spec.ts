import { EventStore } from '@casetrail/event-store';
import { CHILD_B1, CHILD_T, type SeedCase, SEED_CASES } from '../../apps/api/src/demo/seed-timelines';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The case lifecycle through HTTP on the embedded store: the seed timelines of domain.md §7 go
 * in as commands, and the commands' own guarantees (validation, rules, idempotency, If-Match)
 * hold at the edge.
 */

describe('the case lifecycle over HTTP', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http().post(`/api/cases${path}`).set('Authorization', `Bearer ${token}`).set(headers).send(body as object);

  async function replay(seed: SeedCase, caseId = seed.caseId): Promise<{ version: string; position: string }> {
    let last = { version: '0', position: '0' };
    for (const [i, request] of seed.requests.entries()) {
      const body = request.path === '' ? { ...request.body, caseId } : request.body;
      const res = await post(request.path === '' ? '' : `/${caseId}${request.path}`, body, { 'Idempotency-Key': `${caseId}-${i}` });
      if (res.status !== 201) throw new Error(`${seed.caseId} step ${i} ${request.path}: ${res.status} ${JSON.stringify(res.body)}`);
      last = res.body as typeof last;
    }
    return last;
  }

  const typesOf = async (caseId: string) => (await t.app.get(EventStore).readStream(`case-${caseId}`)).map((e) => e.type);

  describe('when every seed timeline is sent as commands', () => {
    it.each(SEED_CASES.map((seed) => [seed.caseId, seed] as const))('accepts every step of %s', async (_id, seed) => {
      const answer = await replay(seed);
      expect(BigInt(answer.version)).toBeGreaterThanOrEqual(BigInt(seed.requests.length));
    });

    it('records Child B1 with the decision late against the one-month standard, and why', async () => {
      const events = await t.app.get(EventStore).readStream('case-B1');
      const decided = events.find((e) => e.type === 'DecisionRecorded')!.data as Record<string, unknown>;
      // Referral 2014-10-07 + 1 calendar month = 2014-11-07 (domain.md §7.1); decided 2014-12-19.
      expect(decided).toMatchObject({ dueOn: '2014-11-07', late: { clock: 'DECISION', dueOn: '2014-11-07', reason: { code: 'CHANGE_OF_STAFF' } } });
      const signedOff = events.find((e) => e.type === 'ReportSignedOff')!.data;
      // Decision 2014-12-19 + 6 months = 2015-06-19; signed off 2015-10-28, 131 days later.
      expect(signedOff).toMatchObject({ late: { clock: 'REVIEW_COMPLETION', dueOn: '2015-06-19' } });
      expect(events.filter((e) => e.type === 'RecommendationAdded')).toHaveLength(23);
      expect(events.at(-1)!.type).toBe('ReviewPublished');
    });

    it('records how Child R and Sam & Kyle were reviewed and scrutinised, in seed order (§7.2, §7.3)', async () => {
      const r = await typesOf('R');
      // R-06 review, R-07 immediate learning before any report, R-08 summary report; R-27 last.
      expect(r.slice(5, 8)).toEqual(['ReviewCommissioned', 'LearningIdentified', 'ReportCompleted']);
      expect(r.at(-1)).toBe('ReportPresentedToScrutiny');
      const sk = await typesOf('SK');
      // SK-05 review, SK-06 terms of reference, SK-07 practitioner event, SK-08 the LSCP.
      expect(sk.slice(4, 8)).toEqual(['ReviewCommissioned', 'TermsOfReferenceAgreed', 'PractitionerEventHeld', 'RegimeTransitioned']);
      const events = await t.app.get(EventStore).readStream('case-SK');
      expect(events.at(-1)).toMatchObject({
        type: 'ReportPresentedToScrutiny',
        data: { occurredOn: '2020-10-06', body: "Children's Services O&S Committee", outcome: 'ACCEPTED' },
      });
    });

    it("turns the Panel's disagreement with Child T's first decision into a contest, then a revised decision", async () => {
      expect(await typesOf('T')).toEqual([
        'CaseReferred',
        'SeriousIncidentNotified',
        'RapidReviewStarted',
        'RapidReviewCompleted',
        'DecisionRecorded',
        'PanelResponded',
        'DecisionContested',
        'DecisionRevised',
        'ParallelProcessRecorded',
        'ReviewCommissioned',
        'ReportSignedOff',
        'PublicationDeferred',
        'PanelNotifiedOfPublication',
        'ReviewPublished',
      ]);
      const events = await t.app.get(EventStore).readStream('case-T');
      const data = (type: string) => events.find((e) => e.type === type)!.data;
      // Aware Fri 2019-12-20: +5 working days over Christmas = 2019-12-31; +15 = 2020-01-15 (§7.5).
      expect(data('SeriousIncidentNotified')).toMatchObject({ dueOn: '2019-12-31', late: { clock: 'SERIOUS_INCIDENT_NOTIFICATION' } });
      expect(data('RapidReviewStarted')).toEqual({ occurredOn: '2020-01-02', dueOn: '2020-01-15' });
      expect(data('ReviewCommissioned')).toMatchObject({ targetCompletionOn: '2020-08-05', publicationDueOn: '2020-08-05' });
      expect(data('ReportSignedOff')).not.toHaveProperty('late');
      // Notice 2021-04-28 is 7 working days before 2021-05-10 (3 May a bank holiday): no shortfall.
      expect(data('ReviewPublished')).not.toHaveProperty('noticeShortfall');
    });
  });

  describe('when a review is evaluated (POST /api/cases/:caseId/review/evaluation)', () => {
    const evaluation = { occurredOn: '2021-06-01', evaluator: 'INTERNAL', grade: 'GOOD', commentary: 'Learning clearly drawn' };

    it('records the grade once the report is signed off (Child T, replayed as T-evaluated)', async () => {
      await replay(CHILD_T, 'T-evaluated');
      await post('/T-evaluated/review/evaluation', evaluation).expect(201);
      const events = await t.app.get(EventStore).readStream('case-T-evaluated');
      expect(events.at(-1)).toMatchObject({ type: 'ReviewEvaluated', data: evaluation });
    });

    it('refuses it before any report is signed off, with the rule', async () => {
      await post('', { ...CHILD_T.requests[0].body, caseId: 'T-unreviewed' }).expect(201);
      const res = await post('/T-unreviewed/review/evaluation', evaluation).expect(422);
      expect(res.body.rule).toBe('no-evaluation-before-sign-off');
      expect(await typesOf('T-unreviewed')).toEqual(['CaseReferred']);
    });

    it('refuses a grade Ofsted never gave, naming the field', async () => {
      const res = await post('/T-evaluated/review/evaluation', { ...evaluation, grade: 'EXCELLENT' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'grade' })]);
    });
  });

  describe('when a command breaks a rule', () => {
    const fresh = () => `case-${Math.random().toString(36).slice(2, 10)}`;

    it('answers 422 with the rule name and appends nothing', async () => {
      const caseId = fresh();
      const referral = CHILD_B1.requests[0];
      await post('', { ...referral.body, caseId }).expect(201);
      const decision = CHILD_B1.requests.find((r) => r.path === '/decision')!;
      const { reasonForDelay: _omitted, ...withoutReason } = decision.body;
      const res = await post(`/${caseId}/decision`, withoutReason).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 422, rule: 'late-decision-needs-reason', type: '/problems/rules/late-decision-needs-reason' });
      expect(await typesOf(caseId)).toEqual(['CaseReferred']);
    });

    it('refuses a decision on a case that was never referred', async () => {
      const res = await post(`/${fresh()}/decision`, CHILD_B1.requests.find((r) => r.path === '/decision')!.body).expect(422);
      expect(res.body.rule).toBe('no-decision-before-referral');
    });

    it('refuses a real name where a pseudonym belongs', async () => {
      const res = await post('', {
        ...CHILD_B1.requests[0].body,
        caseId: fresh(),
        subjects: [{ pseudonym: 'Jane Smith', role: 'SUBJECT' }],
      }).expect(422);
      expect(res.body.rule).toBe('pseudonyms-only');
    });
  });

  describe('when the input is malformed', () => {
    it('answers 400 naming each field and reason, and appends nothing', async () => {
      const caseId = 'malformed-1';
      const res = await post('', {
        ...CHILD_B1.requests[0].body,
        caseId,
        occurredOn: '2014-02-30',
        abuseOrNeglect: 'MAYBE',
        subjects: [
          { pseudonym: 'Child Q', role: 'SUBJECT', ageAtIncident: -1, ethnicity: 'White' },
          { pseudonym: 'Child P', role: 'SIBLING', knownToCsc: 'yes' },
        ],
        surprise: true,
      }).expect(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'occurredOn',
          'abuseOrNeglect',
          'subjects.0.ageAtIncident',
          'subjects.0.ethnicity',
          'subjects.1.knownToCsc',
          'surprise',
        ]),
      );
      expect(await typesOf(caseId)).toEqual([]);
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded', 'caseRef=Form+case&referringAgency=Police'],
      ['plain text', 'text/plain', '{"caseRef":"Text case"}'],
    ])('answers 415 to %s, and appends nothing', async (_what, contentType, body) => {
      const before = await t.app.get(EventStore).readAll({ after: 0n, limit: 100_000 });
      const res = await t
        .http()
        .post('/api/cases')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', contentType)
        .send(body)
        .expect(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: '/problems/unsupported-media-type', status: 415, detail: expect.stringContaining(contentType) });
      expect(await t.app.get(EventStore).readAll({ after: 0n, limit: 100_000 })).toHaveLength(before.length);
    });

    it('refuses a case id that cannot be a stream name', async () => {
      const res = await post('/bad%20id/decision', {}).expect(400);
      expect(res.body.errors).toEqual([{ field: 'caseId', reason: expect.any(String) }]);
    });
  });

  describe('when a client retries', () => {
    const referral = { ...CHILD_T.requests[0].body, caseId: undefined, caseRef: 'Retry case' };

    it('replays the first answer for the same Idempotency-Key and body, appending nothing', async () => {
      const first = await post('', referral, { 'Idempotency-Key': 'retry-1' }).expect(201);
      const again = await post('', referral, { 'Idempotency-Key': 'retry-1' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe('"1"');
      expect(await typesOf(first.body.caseId)).toEqual(['CaseReferred']);
    });

    it('answers 422 when the same key comes back with another body', async () => {
      await post('', referral, { 'Idempotency-Key': 'retry-2' }).expect(201);
      const res = await post('', { ...referral, summary: 'Something else' }, { 'Idempotency-Key': 'retry-2' }).expect(422);
      expect(res.body.rule).toBe('idempotency-key-reused');
    });

    it('replays a later command even after the case has moved on', async () => {
      const { caseId } = (await post('', referral, { 'Idempotency-Key': 'retry-3' }).expect(201)).body as { caseId: string };
      const notice = CHILD_T.requests[1].body;
      const first = await post(`/${caseId}/national-panel-notification`, notice, { 'Idempotency-Key': 'retry-3-sin' }).expect(201);
      await post(`/${caseId}/rapid-review/start`, CHILD_T.requests[2].body).expect(201);
      const again = await post(`/${caseId}/national-panel-notification`, notice, { 'Idempotency-Key': 'retry-3-sin' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect((await typesOf(caseId)).filter((type) => type === 'SeriousIncidentNotified')).toHaveLength(1);
    });
  });

  describe('when the client sends If-Match', () => {
    it('appends at the version it saw, and answers 409 with the current version once the case has moved', async () => {
      const created = await post('', { ...CHILD_T.requests[0].body, caseId: 'if-match-1' }).expect(201);
      expect(created.headers.etag).toBe('"1"');
      await post('/if-match-1/national-panel-notification', CHILD_T.requests[1].body, { 'If-Match': '"1"' }).expect(201);
      const stale = await post('/if-match-1/rapid-review/start', CHILD_T.requests[2].body, { 'If-Match': '"1"' }).expect(409);
      expect(stale.body).toMatchObject({ status: 409, currentVersion: 2 });
      expect(await typesOf('if-match-1')).toEqual(['CaseReferred', 'SeriousIncidentNotified']);
    });
  });

  it('stamps every event with who sent it, from the token', async () => {
    const [referred] = await t.app.get(EventStore).readStream('case-B1');
    expect(referred.metadata.actor).toEqual({ userId: 'ada', displayName: 'Ada Lovelace', agency: 'Leicestershire Police', roles: ['business-unit'] });
    expect(referred.metadata.partnershipId).toBe('leicester');
  });
});
