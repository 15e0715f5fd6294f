import { EventStore } from '@casetrail/event-store';
import { AutoEscalator } from '../../apps/api/src/action-plans/auto-escalator';
import { CHILD_B1, SAM_AND_KYLE, type SeedRequest } from '../../apps/api/src/demo/seed-timelines';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { sendSeedRequests, signedBy } from '../support/seed-requests';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Action plans over HTTP (issue #4): Child B1's agency plans and Sam & Kyle's five
 * recommendations go in as commands; the overdue list on past dates is checked against values
 * worked out by hand from domain.md §7.1 and §7.3; the automatic escalator climbs the ladder on
 * a moved clock, across a restart, without duplicates.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);
const lscpChair = { name: 'LSCP Executive chair', role: 'Executive chair' };

const send = (
  t: TestApp,
  token: string,
  caseId: string,
  requests: SeedRequest[],
  keyPrefix: string,
) => sendSeedRequests(t, caseId, signedBy(token, requests), keyPrefix);

const between = (requests: SeedRequest[], after: string, upTo: string) =>
  requests.filter((r) => String(r.body.occurredOn) > after && String(r.body.occurredOn) <= upTo);

describe('action plans over HTTP', () => {
  let t: TestApp;
  let token: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const post = (path: string, body: object) =>
    t.http().post(path).set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    t = await startTestApp({}, { clock: new FixedClock(at('2026-11-23')) });
    token = await t.tokenFor();
    await send(t, token, 'B1', CHILD_B1.requests, 'b1-case');
    await send(t, token, 'B1', CHILD_B1.actionPlan!, 'b1-actions');
    await send(t, token, 'SK', SAM_AND_KYLE.requests, 'sk-case');
    await send(t, token, 'SK', SAM_AND_KYLE.actionPlan!, 'sk-actions');
  });
  afterAll(() => t.close());

  const overdue = async (query: string) => {
    const res = await get(`/api/actions/overdue?${query}&waitMs=5000&minPosition=1`).expect(200);
    return res.body as {
      items: { actionId: string; daysOverdue: number; [k: string]: unknown }[];
      byAgency: unknown[];
      total: number;
    };
  };

  describe('the overdue list on a past date (effective)', () => {
    it('shows B1-A02 23 days and B1-A12 1 day overdue on 2015-05-01, worst first (§7.1)', async () => {
      const list = await overdue('asOf=2015-05-01&caseId=B1');
      expect(list.items.map((i) => [i.actionId, i.daysOverdue])).toEqual([
        ['B1-A02', 23],
        ['B1-A12', 1],
      ]);
      expect(list.items[0]).toMatchObject({
        agency: 'Leicester City CCG',
        currentDueDate: '2015-04-08',
        escalationLevel: 0,
        monitoringBody: 'PAQA',
      });
      expect(list.byAgency).toEqual([
        { name: "Children's Social Care", count: 1 },
        { name: 'Leicester City CCG', count: 1 },
      ]);
    });

    it('does not count an action due that very day (B1-A11 due and completed 2015-04-30)', async () => {
      const list = await overdue('asOf=2015-04-30&caseId=B1');
      expect(list.items.map((i) => i.actionId)).toEqual(['B1-A02']);
    });

    it('shows only B1-A09 on 2016-01-05: 5 days past its new date, re-dated once from 2015-09-30', async () => {
      const list = await overdue('asOf=2016-01-05&caseId=B1');
      expect(list.items).toEqual([
        expect.objectContaining({
          actionId: 'B1-A09',
          daysOverdue: 5,
          currentDueDate: '2015-12-31',
          originalDueDate: '2015-09-30',
          dueDateChanges: 1,
        }),
      ]);
    });

    it('shows SK-A4 one day overdue on 2021-05-01 (§7.3)', async () => {
      const list = await overdue('asOf=2021-05-01&caseId=SK');
      expect(list.items.map((i) => [i.actionId, i.daysOverdue])).toEqual([['SK-A4', 1]]);
    });

    it('has nothing overdue today: every seed action was completed', async () => {
      expect((await overdue('caseId=B1')).total).toBe(0);
    });

    it('refuses a future date, a malformed one and an unknown filter', async () => {
      await get('/api/actions/overdue?asOf=2030-01-01').expect(400);
      await get('/api/actions/overdue?asOf=2015-02-30').expect(400);
      const res = await get('/api/actions/overdue?colour=red').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'colour' })]);
    });
  });

  describe('the action list', () => {
    it('lists all 17 of B1 with their derived status and the normalised timescales', async () => {
      const res = await get('/api/actions?caseId=B1&pageSize=200').expect(200);
      expect(res.body.total).toBe(17);
      const a07 = (res.body.items as { actionId: string }[]).find((i) => i.actionId === 'B1-A07');
      // "Immediate – completed by July 2015." is a month-only timescale: the last day of July (§0.3).
      expect(a07).toMatchObject({
        timescaleText: 'Immediate – completed by July 2015.',
        originalDueDate: '2015-07-31',
        status: 'COMPLETE',
        subStatus: 'SIGNED_OFF',
      });
      // LSCB 1 and 2 are addressed to the partnership: monitored by the Executive (§7.1 register).
      const bodies = Object.fromEntries(
        (res.body.items as { actionId: string; monitoringBody: string }[]).map((i) => [
          i.actionId,
          i.monitoringBody,
        ]),
      );
      expect([bodies['B1-A13'], bodies['B1-A14'], bodies['B1-A17'], bodies['B1-A01']]).toEqual([
        'EXECUTIVE',
        'EXECUTIVE',
        'EXECUTIVE',
        'PAQA',
      ]);
    });
  });

  describe('the action list as of a past date', () => {
    it('shows B1 on 2015-05-01: 16 planned, A02 and A12 overdue, A16, A03, A01 and A11 complete (§7.1)', async () => {
      const res = await get('/api/actions?caseId=B1&asOf=2015-05-01&pageSize=200').expect(200);
      const statuses = Object.fromEntries(
        (res.body.items as { actionId: string; status: string }[]).map((i) => [
          i.actionId,
          i.status,
        ]),
      );
      expect(res.body.total).toBe(16);
      expect(
        Object.entries(statuses)
          .filter(([, status]) => status === 'OVERDUE')
          .map(([id]) => id),
      ).toEqual(['B1-A02', 'B1-A12']);
      expect(
        Object.entries(statuses)
          .filter(([, status]) => status === 'COMPLETE')
          .map(([id]) => id)
          .sort(),
      ).toEqual(['B1-A01', 'B1-A03', 'B1-A11', 'B1-A16']);
      expect(statuses['B1-A15']).toBe('UNSCHEDULED');
      await get('/api/actions?asOf=2099-01-01').expect(400);
    });
  });

  describe('a professional disagreement escalated on a case', () => {
    it('is raised, acknowledged, referred up the ladder and resolved, each step answered with the version', async () => {
      const by = { name: 'LSCB board manager', role: 'Board manager' };
      const raised = await post('/api/cases/SK/escalations', {
        occurredOn: '2020-08-10',
        escalationId: 'SK-E1',
        reason: 'PROFESSIONAL_DISAGREEMENT',
        detail: 'Health and CSC disagree on the threshold applied',
        level: 1,
        raisedBy: by,
      }).expect(201);
      expect(raised.body).toMatchObject({ escalationId: 'SK-E1', version: '1' });
      await post('/api/escalations/SK-E1/acknowledgement', { occurredOn: '2020-08-11', by }).expect(
        201,
      );
      await post('/api/escalations/SK-E1/referral-up', {
        occurredOn: '2020-08-20',
        reason: 'Not resolved at subgroup',
      }).expect(201);
      const resolved = await post('/api/escalations/SK-E1/resolution', {
        occurredOn: '2020-09-01',
        outcome: 'DISAGREEMENT_RESOLVED',
        note: 'Resolved by the board manager',
        by,
      }).expect(201);
      expect(resolved.headers.etag).toBe('"4"');
      const events = await t.app.get(EventStore).readStream('escalation-SK-E1');
      expect(events.map((e) => e.type)).toEqual([
        'EscalationRaised',
        'EscalationAcknowledged',
        'EscalationReferredUp',
        'EscalationResolved',
      ]);
      // The ladder names level 2 (domain.md §5.6).
      expect(events[2].data).toMatchObject({ toLevel: 2, addressedTo: 'Executive group' });
      const again = await post('/api/escalations/SK-E1/resolution', {
        occurredOn: '2020-09-02',
        outcome: 'ACCEPTED_RISK',
        note: 'x',
        by,
      }).expect(422);
      expect(again.body.rule).toBe('escalation-already-resolved');
    });
  });

  describe('when a command breaks a rule', () => {
    it('refuses to complete an action never planned (§5.8 B1-A99)', async () => {
      const res = await post('/api/actions/B1-A99/completion', {
        occurredOn: '2015-05-01',
        completedBy: 'x',
        summary: 'x',
        evidence: [],
      }).expect(422);
      expect(res.body.rule).toBe('action-must-be-planned');
    });

    it('refuses an action under an unknown recommendation', async () => {
      const res = await post('/api/cases/B1/recommendations/NOPE/actions', {
        occurredOn: '2015-03-02',
        actionId: 'B1-A98',
        actionText: 'x',
        desiredOutcome: 'x',
        lead: { displayText: 'x', persons: [], agency: 'x' },
        agency: 'x',
        timescaleText: 'April 2015',
      }).expect(422);
      expect(res.body.rule).toBe('no-action-under-unknown-recommendation');
    });

    it('refuses to close B1 while 7 overview recommendations have no action (§5.8)', async () => {
      const res = await post('/api/cases/B1/closure', {
        occurredOn: '2016-12-31',
        reason: 'REVIEW_COMPLETE_ACTIONS_SIGNED_OFF',
        closedBy: { name: 'Independent Chair', role: 'Chair' },
      }).expect(422);
      expect(res.body.rule).toBe('no-closure-with-open-recommendations');
      expect(res.body.detail).toMatch(/^7 recommendation/);
    });

    it('refuses to sign off a completion with no evidence unless the body records why it waives it (§5.5)', async () => {
      await post('/api/cases/SK/recommendations/SK-REC-5/actions', {
        occurredOn: '2021-02-01',
        actionId: 'SK-A95',
        actionText: 'Brief the partnership on the findings',
        desiredOutcome: 'Every agency has had the briefing',
        lead: { displayText: 'LSCP Business Manager', persons: [], agency: 'Thurrock LSCP' },
        agency: 'Thurrock LSCP',
        timescaleText: 'March 2021',
      }).expect(201);
      const completed = await post('/api/actions/SK-A95/completion', {
        occurredOn: '2021-03-01',
        completedBy: 'LSCP Business Manager',
        summary: 'Briefing given',
        evidence: [],
      }).expect(201);
      const signOff = {
        occurredOn: '2021-03-10',
        decision: 'ACCEPT',
        by: lscpChair,
        impactAssessment: 'OUTPUT_ONLY',
      };

      const refused = await post('/api/actions/SK-A95/sign-off', signOff).expect(422);
      expect(refused.body).toMatchObject({ status: 422, rule: 'sign-off-needs-evidence' });
      const historyOfA95 = async (position: string) => {
        const res = await get(
          `/api/cases/SK/history?minPosition=${position}&waitMs=5000&pageSize=500`,
        ).expect(200);
        return (res.body.items as { streamId: string; type: string; why: object }[]).filter(
          (item) => item.streamId === 'action-SK-A95',
        );
      };
      expect((await historyOfA95(completed.body.position)).map((item) => item.type)).toEqual([
        'ActionPlanned',
        'ActionCompleted',
      ]);

      const reason = 'The briefing was given at the Executive meeting the chair attended';
      const signed = await post('/api/actions/SK-A95/sign-off', {
        ...signOff,
        evidenceWaivedReason: reason,
      }).expect(201);
      expect(signed.body).toMatchObject({ actionId: 'SK-A95' });
      expect((await historyOfA95(signed.body.position)).at(-1)).toMatchObject({
        type: 'ActionCompletionSignedOff',
        why: { evidenceWaivedReason: reason },
      });
    });
  });

  describe('when an action changes hands (staff turnover, 003 §18.14)', () => {
    const newLead = {
      displayText: 'Dr Amira Shah',
      persons: ['Dr Amira Shah'],
      role: 'Designated nurse',
      agency: 'Leicester City CCG',
    };
    const change = {
      occurredOn: '2015-04-20',
      toLead: newLead,
      reason: 'The designated nurse retired',
    };

    it('records the new lead, counts the overdue action under it, and tells the history who it came from', async () => {
      const before = (await overdue('asOf=2015-05-01&caseId=B1')).items[0];
      expect(before).toMatchObject({ actionId: 'B1-A02' });
      const changed = await post('/api/actions/B1-A02/lead', change).expect(201);
      expect(changed.body).toMatchObject({ actionId: 'B1-A02', version: expect.any(String) });

      const list = await get(
        `/api/actions/overdue?asOf=2015-05-01&caseId=B1&minPosition=${changed.body.position}&waitMs=5000`,
      ).expect(200);
      expect(list.body.items[0]).toMatchObject({ actionId: 'B1-A02', lead: 'Dr Amira Shah' });
      expect(list.body.byLead).toContainEqual({ name: 'Dr Amira Shah', count: 1 });
      expect(list.body.byLead).not.toContainEqual(expect.objectContaining({ name: before.lead }));
      // Before the change, the list names the lead of that day.
      const earlier = await overdue('asOf=2015-04-15&caseId=B1');
      expect(earlier.items.find((i) => i.actionId === 'B1-A02')).toMatchObject({
        lead: before.lead,
      });

      const history = await get(
        `/api/cases/B1/history?minPosition=${changed.body.position}&waitMs=5000`,
      ).expect(200);
      const entry = (history.body.items as { type: string; sentence: string; why: object }[]).find(
        (item) => item.type === 'ActionLeadChanged',
      );
      expect(entry).toMatchObject({
        sentence: `Lead of B1-A02 changed from ${String(before.lead)} to Dr Amira Shah: The designated nurse retired`,
        why: { reason: 'The designated nurse retired' },
      });
    });

    it('refuses the same lead again, and a change without a reason, changing nothing', async () => {
      const same = await post('/api/actions/B1-A02/lead', {
        ...change,
        occurredOn: '2015-04-21',
      }).expect(422);
      expect(same.body.rule).toBe('lead-must-change');
      const { reason: _reason, ...withoutReason } = change;
      const missing = await post('/api/actions/B1-A02/lead', {
        ...withoutReason,
        toLead: { ...newLead, displayText: 'Someone else' },
      }).expect(400);
      const fields = (missing.body.errors as { field: string }[]).map((e) => e.field);
      expect(new Set(fields)).toEqual(new Set(['reason']));
      const list = await overdue('asOf=2015-05-01&caseId=B1');
      expect(list.items[0]).toMatchObject({ actionId: 'B1-A02', lead: 'Dr Amira Shah' });
    });
  });
});

describe('the automatic escalator', () => {
  const dirs = temporaryDirectories('casetrail-escalator-');
  afterAll(() => dirs.cleanup());
  const dataDir = dirs.make();
  let t: TestApp;
  let token: string;

  async function startAt(date: string): Promise<void> {
    t = await startTestApp({ CASETRAIL_DATA_DIR: dataDir }, { clock: new FixedClock(at(date)) });
    token = await t.tokenFor();
  }

  async function loadUpTo(after: string, upTo: string): Promise<void> {
    await send(t, token, 'B1', between(CHILD_B1.requests, after, upTo), `b1-case-${upTo}`);
    await send(t, token, 'B1', between(CHILD_B1.actionPlan!, after, upTo), `b1-actions-${upTo}`);
  }

  const escalationEvents = async () => {
    const all = [];
    for (let after = 0n; ;) {
      const page = await t.app.get(EventStore).readAll({ after, limit: 1000 });
      if (page.length === 0) break;
      all.push(...page.filter((e) => e.streamId.startsWith('escalation-')));
      after = page.at(-1)!.position;
    }
    return all.map((e) => [
      e.type,
      (e.data as { occurredOn: string }).occurredOn,
      (e.data as { level?: number; toLevel?: number }).level ??
        (e.data as { toLevel?: number }).toLevel ??
        null,
    ]);
  };

  const levels = async (asOf: string) => {
    // Read at the head of the log: the escalator's last steps were appended a moment ago.
    const head = await t.app.get(EventStore).headPosition();
    const res = await t
      .http()
      .get(`/api/actions/overdue?asOf=${asOf}&caseId=B1&minPosition=${head}&waitMs=5000`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return Object.fromEntries(
      (res.body.items as { actionId: string; escalationLevel: number }[]).map((i) => [
        i.actionId,
        i.escalationLevel,
      ]),
    );
  };

  it('raises B1-A02 to level 1 on the 28th day overdue, as in the sample (B1-22, 2015-05-06)', async () => {
    await startAt('2015-05-06');
    await loadUpTo('0000-00-00', '2015-05-06');
    expect(await t.app.get(AutoEscalator).runOnce()).toEqual({
      raised: 1,
      referredUp: 0,
      resolved: 0,
    });
    expect(await escalationEvents()).toEqual([['EscalationRaised', '2015-05-06', 1]]);
    expect(await levels('2015-05-06')).toEqual({ 'B1-A02': 1, 'B1-A12': 0 });
    await t.close();
  });

  it('catches up after a restart and downtime, each step dated the day its threshold was crossed', async () => {
    await startAt('2015-06-30');
    await loadUpTo('2015-05-06', '2015-06-30');
    expect(await t.app.get(AutoEscalator).runOnce()).toEqual({
      raised: 1,
      referredUp: 2,
      resolved: 0,
    });
    // A02 due 04-08: +56 = 06-03 (B1-25). A12 due 04-30: +28 = 05-28 (B1-23), +56 = 06-25 (B1-26).
    expect(await escalationEvents()).toEqual([
      ['EscalationRaised', '2015-05-06', 1],
      ['EscalationReferredUp', '2015-06-03', 2],
      ['EscalationRaised', '2015-05-28', 1],
      ['EscalationReferredUp', '2015-06-25', 2],
    ]);
    expect(await levels('2015-06-30')).toEqual({ 'B1-A02': 2, 'B1-A12': 2 });
    expect(await levels('2015-06-01')).toEqual({ 'B1-A02': 1, 'B1-A12': 1 });
  });

  it('never escalates the same thing twice, however often it runs', async () => {
    const before = await escalationEvents();
    const escalator = t.app.get(AutoEscalator);
    expect(await Promise.all([escalator.runOnce(), escalator.runOnce()])).toEqual([
      { raised: 0, referredUp: 0, resolved: 0 },
      { raised: 0, referredUp: 0, resolved: 0 },
    ]);
    expect(await escalationEvents()).toEqual(before);
    await t.close();
  });

  it('stands down when the actions are completed (B1-29 on 2015-07-06, B1-32 on 2015-07-20)', async () => {
    await startAt('2015-07-20');
    await loadUpTo('2015-06-30', '2015-07-20');
    expect(await t.app.get(AutoEscalator).runOnce()).toEqual({
      raised: 0,
      referredUp: 0,
      resolved: 2,
    });
    const resolved = (await escalationEvents()).filter(([type]) => type === 'EscalationResolved');
    expect(resolved.map(([, on]) => on).sort()).toEqual(['2015-07-06', '2015-07-20']);
    expect(await levels('2015-07-20')).toEqual({});
    await t.close();
  });
});

describe('a partnership that keeps a roster of its PAQA subgroup (§5.5)', () => {
  let t: TestApp;
  let token: string;
  let head: string;
  const a01 = async () => {
    const res = await t
      .http()
      .get(`/api/actions?caseId=B1&minPosition=${head}&waitMs=5000`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    return (res.body.items as { actionId: string }[]).find((a) => a.actionId === 'B1-A01');
  };
  const signOffA01 = (by: { name: string; role: string }, key: string) =>
    t
      .http()
      .post('/api/actions/B1-A01/sign-off')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send({ occurredOn: '2015-09-10', decision: 'ACCEPT', by, impactAssessment: 'OUTPUT_ONLY' });

  beforeAll(async () => {
    t = await startTestApp(
      { CASETRAIL_PAQA_MEMBERS: 'Chair of the PAQA subgroup | Vice-chair of the PAQA subgroup' },
      { clock: new FixedClock(at('2026-11-23')) },
    );
    token = await t.tokenFor();
    const send = (requests: SeedRequest[], prefix: string) =>
      sendSeedRequests(t, 'B1', signedBy(token, requests), prefix, { backFilled: true });
    await send(CHILD_B1.requests, 'B1-case');
    // Up to the PAQA's first sign-offs (B1-37); the Executive, with no roster, signed off A14.
    head = await send(
      (CHILD_B1.actionPlan ?? []).filter((r) => String(r.body.occurredOn) < '2015-09-10'),
      'B1-plan',
    );
  });
  afterAll(() => t.close());

  it('refuses a sign-off by someone not on the PAQA subgroup, and records nothing', async () => {
    const res = await signOffA01({ name: 'Pat Outsider', role: 'Head of service' }, 'outsider');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'approver-in-monitoring-body' });
    expect(await a01()).toMatchObject({ status: 'COMPLETE', subStatus: 'AWAITING_SIGN_OFF' });
  });

  it('takes it from its chair (B1-37)', async () => {
    const res = await signOffA01(
      { name: 'Chair of the PAQA subgroup', role: 'PAQA chair' },
      'chair',
    );
    expect(res.status).toBe(201);
    head = String(res.body.position);
    expect(await a01()).toMatchObject({ status: 'COMPLETE', subStatus: 'SIGNED_OFF' });
  });
});
