import Database from 'better-sqlite3';
import { EventStore } from '@casetrail/event-store';
import type { Principal } from '@casetrail/identity';
import {
  CHILD_B1,
  CHILD_R,
  CHILD_T,
  type SeedRequest,
} from '../../apps/api/src/demo/seed-timelines';
import { Clock } from '../../apps/api/src/infrastructure/clock';
import { type Outgoing, sendSeedRequests, signedBy } from '../support/seed-requests';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Auditors over HTTP (issue #5, domain.md §6.3): Child B1 goes in as history entered after the
 * fact, each request carrying the date the board knew it (as the demo loads it), with its
 * escalations recorded by a second person; Child R and Child T go in live, as if typed today.
 * Expected values are worked out by hand from domain.md §7.1, §7.2 and §7.5.
 */

const grace: Principal = {
  userId: 'grace',
  displayName: 'Grace Hopper',
  agency: 'Leicester LSCB',
  partnershipId: 'leicester',
  roles: ['business-unit'],
};

/** Sends each request as a client would; back-filled history says when the board knew it. */
const send = (
  t: TestApp,
  caseId: string,
  requests: Outgoing[],
  keyPrefix: string,
  backFilled: boolean,
) =>
  sendSeedRequests(t, caseId, requests, keyPrefix, { backFilled, source: 'domain.md section 7' });

/** The case timeline, its action plan and its escalations in the order the facts happened. */
const byDate = (requests: Outgoing[]) =>
  [...requests].sort((a, b) =>
    String(a.request.body.occurredOn).localeCompare(String(b.request.body.occurredOn)),
  );

interface Entry {
  position: string;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  sentence: string;
  occurredOn: string;
  recordedAt: string;
  knownOn: string | null;
  who: { userId: string; displayName: string; agency: string; roles: string[] };
  why: Record<string, string>;
  flags: string[];
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

describe('auditing a case', () => {
  let t: TestApp;
  let token: string;
  let lastPosition: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const ready = () => `minPosition=${lastPosition}&waitMs=5000`;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
    const graceToken = await t.tokenFor(grace);
    const mine = (requests?: SeedRequest[]) => signedBy(token, requests);
    await send(
      t,
      'B1',
      byDate([
        ...mine(CHILD_B1.requests),
        ...mine(CHILD_B1.actionPlan),
        ...signedBy(graceToken, CHILD_B1.escalations),
      ]),
      'b1',
      true,
    );
    await send(t, 'R', mine(CHILD_R.requests), 'r', false);
    lastPosition = await send(t, 'T', mine(CHILD_T.requests), 't', false);
  });
  afterAll(() => t.close());

  const history = async (caseId: string, query = '') => {
    const res = await get(`/api/cases/${caseId}/history?${ready()}&pageSize=500${query}`).expect(
      200,
    );
    return res.body as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  describe('the history of B1 (GET /api/cases/:caseId/history)', () => {
    it('holds every event of the case, of its 17 actions and of its 2 escalations, in log order', async () => {
      const { items, total } = await history('B1');
      // Case: referral, consideration, 2 processes, recommendation, decision, notification,
      // review, 2 reviewers, terms of reference, a declined IMR, 2 family entries, 15 + 8
      // recommendations, report, sign-off, publication = 40.
      // Actions: 17 planned, 17 completed, 17 signed off, 5 progress reports, 2 due dates = 58.
      // Escalations: 2 raised, 2 referred up, 2 resolved = 6.
      expect(total).toBe(104);
      expect(items).toHaveLength(104);
      const streams = new Set(items.map((i) => i.streamId));
      expect(streams.size).toBe(1 + 17 + 2);
      expect([...streams].filter((s) => s.startsWith('action-')).sort()).toEqual(
        Array.from({ length: 17 }, (_, i) => `action-B1-A${String(i + 1).padStart(2, '0')}`),
      );
      const positions = items.map((i) => BigInt(i.position));
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    });

    it('chains each stream: versions 1..n, each entry linked to the hash before it', async () => {
      const { items } = await history('B1');
      const tips = new Map<string, { version: number; hash: string }>();
      for (const item of items) {
        const tip = tips.get(item.streamId);
        expect(item.version).toBe((tip?.version ?? 0) + 1);
        expect(item.prevHash).toBe(tip?.hash ?? '0'.repeat(64));
        expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
        tips.set(item.streamId, { version: item.version, hash: item.hash });
      }
    });

    it('says the late decision in words, with who recorded it, the dates and the reasons', async () => {
      const { items } = await history('B1', '&type=DecisionRecorded');
      const reason =
        "A change of key personnel within the LSCB Office and the ongoing criminal investigation and care proceedings; a lack of clarity and timelines surrounding the sub-group's referral, information gathering and decision making criterion";
      expect(items).toHaveLength(1);
      // Deadline 2014-10-07 + 1 month = 2014-11-07; decided 2014-12-19: 23 + 19 = 42 days late.
      expect(items[0]).toMatchObject({
        streamId: 'case-B1',
        type: 'DecisionRecorded',
        sentence: `Decision D-B1-1 recorded: SCR commissioned, by Independent Chair of the LSCB (LSCB_CHAIR), 42 days after the one-month deadline of 2014-11-07 — reason: ${reason}`,
        occurredOn: '2014-12-19',
        knownOn: '2014-12-19',
        who: {
          userId: 'ada',
          displayName: 'Ada Lovelace',
          agency: 'Leicestershire Police',
          roles: ['business-unit'],
        },
        why: {
          reasonForDelay: `change of staff: ${reason}`,
          rationale:
            'Seriously harmed child subject of a child protection plan; concerns about inter-agency working',
        },
        flags: ['BACK_FILLED', 'DEADLINE_MISSED'],
      });
      expect(new Date(items[0].recordedAt).toISOString()).toBe(items[0].recordedAt);
    });

    it('has a sentence for every event, naming the action or escalation it concerns', async () => {
      const { items } = await history('B1');
      for (const item of items) expect(item.sentence).not.toBe(`${item.type} recorded`);
      const raised = items.find(
        (i) => i.type === 'EscalationRaised' && i.streamId === 'escalation-B1-E-A02',
      )!;
      // B1-A02 due 2015-04-08, escalated 2015-05-06: 22 + 6 = 28 days overdue.
      expect(raised.sentence).toBe(
        'Escalation B1-E-A02 raised on action B1-A02 at level 1 to Chair of the monitoring subgroup: overdue, 28 days overdue, by Business unit (LSCB business unit)',
      );
      expect(raised.who.userId).toBe('grace');
      const a03 = items.find(
        (i) => i.type === 'ActionCompleted' && i.streamId === 'action-B1-A03',
      )!;
      // B1-17: done 2015-03-27, recorded 2015-04-15, 19 days later.
      expect(a03).toMatchObject({
        occurredOn: '2015-03-27',
        knownOn: '2015-04-15',
        flags: ['LATE_ENTRY', 'BACK_FILLED'],
      });
      expect(a03.sentence).toBe(
        'Action B1-A03 completed by Action lead: Reminder published in Safeguarding Children Briefing',
      );
    });

    it('says how the review was set up: Ofsted told, reviewers, terms of reference, a declined IMR (B1-07 to B1-12)', async () => {
      const { items } = await history(
        'B1',
        '&type=NationalPanelNotified,ReviewerAppointed,TermsOfReferenceAgreed,AgencyReportDeclined',
      );
      expect(items.map((i) => [i.occurredOn, i.sentence])).toEqual([
        ['2015-01-14', 'Decision D-B1-1 notified to Ofsted and the Panel'],
        [
          '2015-01-14',
          'Lead reviewer appointed: Safron Rose (Independent child protection consultant); independence: Lead reviewer and overview report author, independent of the agencies involved with Child B1 and the family',
        ],
        [
          '2015-01-14',
          'Panel chair appointed: Ruby Parry (Independent); independence: Independent chair of the SCR panel',
        ],
        [
          '2015-01-14',
          "Terms of reference agreed for 2010-10-20 to 2014-08-27, 8 key issues: Child protection planning history; Domestic violence and substance misuse; Attachment; Escalation policy; Legal advice and social work; Race, culture and gender; Partnership with parents; Each child's wellbeing and voice",
        ],
        [
          '2015-02-02',
          'IMR declined by Local Authority Legal Department: Unable to provide a chronology or IMR; its contribution was discussed at the panel',
        ],
      ]);
      expect(items.at(-1)!.why).toEqual({
        reason:
          'Unable to provide a chronology or IMR; its contribution was discussed at the panel',
      });
    });

    it('says the statutory lateness of a live case in working days where the regime counts them (T-02)', async () => {
      const { items } = await history('T', '&type=SeriousIncidentNotified');
      expect(items.map((i) => i.sentence)).toEqual([
        'Serious incident notified to the Panel, Ofsted and DfE (aware since 2019-12-20), 1 working day after the 5-working-day deadline of 2019-12-31 — reason: Office closure over Christmas',
      ]);
      expect(items[0].knownOn).toBeNull();
      expect(items[0].flags).toEqual(['LATE_ENTRY', 'DEADLINE_MISSED']);
    });
  });

  describe('filters and pages', () => {
    it('filters by event type, as a list or repeated', async () => {
      const list = await history('B1', '&type=ActionCompleted,ActionCompletionSignedOff');
      const repeated = await history('B1', '&type=ActionCompleted&type=ActionCompletionSignedOff');
      expect(list.total).toBe(34);
      expect(repeated.items).toEqual(list.items);
    });

    it('filters by who recorded the event', async () => {
      expect((await history('B1', '&actor=grace')).items.map((i) => i.type)).toEqual([
        'EscalationRaised',
        'EscalationRaised',
        'EscalationReferredUp',
        'EscalationReferredUp',
        'EscalationResolved',
        'EscalationResolved',
      ]);
      expect((await history('B1', '&actor=ada')).total).toBe(98);
      expect((await history('B1', '&actor=nobody')).total).toBe(0);
    });

    it('filters by business date, both ends included (July 2015)', async () => {
      const { items } = await history('B1', '&from=2015-07-01&to=2015-07-31');
      expect(items.map((i) => [i.occurredOn, i.type, i.streamId])).toEqual([
        ['2015-07-06', 'ActionCompleted', 'action-B1-A02'],
        ['2015-07-06', 'EscalationResolved', 'escalation-B1-E-A02'],
        ['2015-07-10', 'ActionCompleted', 'action-B1-A14'],
        ['2015-07-20', 'ActionCompleted', 'action-B1-A12'],
        ['2015-07-20', 'EscalationResolved', 'escalation-B1-E-A12'],
        ['2015-07-22', 'ActionCompletionSignedOff', 'action-B1-A14'],
        ['2015-07-24', 'ActionCompleted', 'action-B1-A07'],
        ['2015-07-31', 'ActionCompleted', 'action-B1-A06'],
      ]);
    });

    it('pages in log order', async () => {
      const all = (await history('B1')).items;
      const res = await get(`/api/cases/B1/history?${ready()}&pageSize=30&page=4`).expect(200);
      expect(res.body).toMatchObject({ page: 4, pageSize: 30, total: 104 });
      expect(res.body.items).toEqual(all.slice(90));
      const first = await get(`/api/cases/B1/history?${ready()}`).expect(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 100, total: 104 });
    });
  });

  describe('the CSV export', () => {
    it('is a download with a header row and every entry, quoted as RFC 4180 says', async () => {
      const res = await get(`/api/cases/B1/history?${ready()}&format=csv`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="case-B1-history.csv"');
      expect(res.text.endsWith('\r\n')).toBe(true);
      const [header, ...records] = parseCsv(res.text);
      expect(header.slice(0, 6)).toEqual([
        'position',
        'streamId',
        'version',
        'eventId',
        'type',
        'occurredOn',
      ]);
      expect(records).toHaveLength(104);
      expect(records.every((r) => r.length === header.length)).toBe(true);

      const { items } = await history('B1', '&type=DecisionRecorded');
      const decision = records.find((r) => r[header.indexOf('type')] === 'DecisionRecorded')!;
      const column = (name: string) => decision[header.indexOf(name)];
      // The sentence holds commas and an apostrophe, the data quotes: they come back intact.
      expect(column('sentence')).toBe(items[0].sentence);
      expect(JSON.parse(column('data'))).toEqual(items[0].data);
      expect(column('hash')).toBe(items[0].hash);
      expect(column('userId')).toBe('ada');
    });

    it('takes the same filters', async () => {
      const res = await get(`/api/cases/B1/history?${ready()}&format=csv&actor=grace`).expect(200);
      expect(parseCsv(res.text)).toHaveLength(1 + 6);
    });
  });

  describe('when the request is wrong', () => {
    it.each([
      ['colour=red', 'colour'],
      ['type=Nonsense', 'type'],
      ['from=2015-02-30', 'from'],
      ['pageSize=501', 'pageSize'],
      ['page=0', 'page'],
      ['format=xml', 'format'],
      ['from=2016-01-01&to=2015-01-01', 'to'],
    ])('refuses %s, naming the field', async (query, field) => {
      const res = await get(`/api/cases/B1/history?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('answers 404 for a case that does not exist', async () => {
      const res = await get('/api/cases/NOPE/history').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toBe('No case NOPE');
    });
  });

  describe('a case as it stood (GET /api/cases/:caseId?asOf=&mode=)', () => {
    const asOf = async (caseId: string, date: string, mode = 'effective') => {
      const res = await get(`/api/cases/${caseId}?asOf=${date}&mode=${mode}&${ready()}`).expect(
        200,
      );
      expect(res.headers.etag ?? '').not.toMatch(/^"\d+"$/);
      return res.body;
    };
    const statuses = (view: { actions: { actionId: string; status: string }[] }) =>
      Object.fromEntries(view.actions.map((a) => [a.actionId, a.status]));

    it('B1 on 2014-11-30: under consideration, no decision, the decision clock 23 days breached (§7.1)', async () => {
      const view = await asOf('B1', '2014-11-30');
      expect(view).toMatchObject({
        asOf: '2014-11-30',
        mode: 'effective',
        status: 'UNDER_CONSIDERATION',
        currentDecision: null,
        nextDeadline: {
          name: 'DECISION',
          dueOn: '2014-11-07',
          daysRemaining: null,
          daysOverdue: 23,
        },
        actions: [],
        openEscalations: [],
      });
      expect(view.clocks).toEqual([
        expect.objectContaining({
          name: 'DECISION',
          anchorOn: '2014-10-07',
          dueOn: '2014-11-07',
          status: 'BREACHED',
          daysLate: 23,
        }),
      ]);
      expect(view.openParallelProcesses.map((p: { processId: string }) => p.processId)).toEqual([
        'PP-B1-1',
        'PP-B1-2',
      ]);
    });

    it('B1 on 2015-05-01: A02 23 days and A12 1 day overdue, four complete awaiting sign-off, none escalated yet', async () => {
      const view = await asOf('B1', '2015-05-01');
      expect(view.status).toBe('REVIEW_IN_PROGRESS');
      expect(view.currentDecision).toMatchObject({
        decisionId: 'D-B1-1',
        outcome: 'SCR_COMMISSIONED',
        rationale:
          'Seriously harmed child subject of a child protection plan; concerns about inter-agency working',
      });
      expect(statuses(view)).toEqual({
        'B1-A01': 'COMPLETE',
        'B1-A02': 'OVERDUE',
        'B1-A03': 'COMPLETE',
        'B1-A04': 'ON_TRACK',
        'B1-A05': 'ON_TRACK',
        'B1-A06': 'ON_TRACK',
        'B1-A07': 'ON_TRACK',
        'B1-A08': 'ON_TRACK',
        'B1-A09': 'ON_TRACK',
        'B1-A10': 'ON_TRACK',
        'B1-A11': 'COMPLETE',
        'B1-A12': 'OVERDUE',
        'B1-A13': 'ON_TRACK',
        'B1-A14': 'ON_TRACK',
        'B1-A15': 'UNSCHEDULED',
        'B1-A16': 'COMPLETE',
      });
      const action = (id: string) =>
        view.actions.find((a: { actionId: string }) => a.actionId === id);
      // Due 2015-04-08 → 05-01: 22 + 1 = 23. Due 04-30 → 05-01: 1.
      expect(action('B1-A02')).toMatchObject({ daysOverdue: 23, escalationLevel: 0 });
      expect(action('B1-A12')).toMatchObject({ daysOverdue: 1, reportedRag: 'AMBER' });
      // A01 done 04-20 against 04-08: 12 days late. A11 done on its due date: neither.
      expect(action('B1-A01')).toMatchObject({ subStatus: 'AWAITING_SIGN_OFF', daysLate: 12 });
      expect(action('B1-A11')).not.toHaveProperty('daysLate');
      expect(action('B1-A11')).not.toHaveProperty('daysEarly');
      expect(action('B1-A03')).toMatchObject({ completedOn: '2015-03-27', daysEarly: 4 });
      expect(view.actionCounts).toEqual({
        total: 16,
        complete: 4,
        overdue: 2,
        atRisk: 0,
        offTrack: 0,
        onTrack: 9,
        unscheduled: 1,
        cancelled: 0,
      });
      expect(view.openEscalations).toEqual([]);
      expect(view.recommendations).toHaveLength(15);
    });

    it('B1 on 2015-06-10: A02 escalated to level 2 (06-03), A12 at level 1 (05-28)', async () => {
      const view = await asOf('B1', '2015-06-10');
      expect(view.openEscalations).toEqual([
        expect.objectContaining({
          escalationId: 'B1-E-A02',
          subjectId: 'B1-A02',
          level: 2,
          since: '2015-06-03',
        }),
        expect.objectContaining({
          escalationId: 'B1-E-A12',
          subjectId: 'B1-A12',
          level: 1,
          since: '2015-05-28',
        }),
      ]);
      expect(view.escalationLevel).toBe(2);
    });

    it('B1 on 2016-01-05: only A09 overdue, re-dated once, and 7 recommendations without an action', async () => {
      const view = await asOf('B1', '2016-01-05');
      const a09 = view.actions.find((a: { actionId: string }) => a.actionId === 'B1-A09');
      // 2015-09-30 → 2015-12-31: 31 + 30 + 31 = 92 days of slippage; 5 days overdue on 2016-01-05.
      expect(a09).toMatchObject({
        status: 'OVERDUE',
        daysOverdue: 5,
        slippageDays: 92,
        dueDateChangeCount: 1,
      });
      expect(view.actionCounts).toMatchObject({
        total: 17,
        complete: 13,
        overdue: 1,
        onTrack: 2,
        unscheduled: 1,
      });
      expect(view.recommendations).toHaveLength(23);
      expect(
        view.recommendations
          .filter((r: { unplanned: boolean }) => r.unplanned)
          .map((r: { recommendationId: string }) => r.recommendationId),
      ).toEqual([
        'OVR-23.1-i',
        'OVR-23.1-ii',
        'OVR-23.2-i',
        'OVR-23.2-ii',
        'OVR-23.2-iii',
        'OVR-23.2-iv',
        'OVR-23.2-v',
      ]);
    });

    it('Child R on 2020-06-30: paused since 2014-01-15, 2,358 days, only PP-R-2 open (§7.2)', async () => {
      const view = await asOf('R', '2020-06-30');
      expect(view.status).toBe('REVIEW_PAUSED');
      expect(view.review).toMatchObject({ reviewId: 'RV-R', pausedSince: '2014-01-15' });
      expect(view.pausedDays).toBe(2358);
      expect(view.openParallelProcesses.map((p: { processId: string }) => p.processId)).toEqual([
        'PP-R-2',
      ]);
    });

    it('Child T on 2020-01-20: D-T-1 in force, no local review (§7.5)', async () => {
      const view = await asOf('T', '2020-01-20');
      expect(view.status).toBe('DECIDED_NO_REVIEW');
      expect(view.currentDecision).toMatchObject({
        decisionId: 'D-T-1',
        outcome: 'NO_FURTHER_ACTION',
      });
      expect(view.decisions).toHaveLength(1);
    });

    describe('as known on a date', () => {
      it('B1-A03 was overdue to the board on 2015-04-01, though it had been done on 03-27 (B1-17)', async () => {
        const known = await asOf('B1', '2015-04-01', 'known');
        const effective = await asOf('B1', '2015-04-01', 'effective');
        const a03 = (view: { actions: { actionId: string }[] }) =>
          view.actions.find((a) => a.actionId === 'B1-A03');
        expect(a03(known)).toMatchObject({ status: 'OVERDUE', daysOverdue: 1 });
        expect(a03(effective)).toMatchObject({ status: 'COMPLETE', daysEarly: 4 });
        expect(known.learnedLater).toBe(1);
        expect(effective.learnedLater).toBe(1);
      });

      it('B1 was known as it happened on 2014-11-30, since its history says so', async () => {
        expect((await asOf('B1', '2014-11-30', 'known')).status).toBe('UNDER_CONSIDERATION');
      });

      it('a case typed in today was not known at all on an earlier date: 404 saying so', async () => {
        const res = await get(`/api/cases/T?asOf=2020-01-20&mode=known&${ready()}`).expect(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.detail).toBe(
          'Case T was not yet known on 2020-01-20: nothing about it had been recorded by then (mode=known)',
        );
        const today = t.app.get(Clock).today();
        expect((await asOf('T', today, 'known')).status).toBe('PUBLISHED');
      });

      it('a case before its referral did not exist yet: 404', async () => {
        const res = await get(`/api/cases/B1?asOf=2014-10-06&${ready()}`).expect(404);
        expect(res.body.detail).toBe(
          'Case B1 had not been referred by 2014-10-06 (mode=effective)',
        );
      });
    });

    it('replayed today, agrees field for field with the current answer from the read model', async () => {
      const current = await get(`/api/cases/B1?${ready()}`).expect(200);
      expect(current.headers.etag).toBe(`"${current.body.version}"`);
      const today = t.app.get(Clock).today();
      const replayed = await get(`/api/cases/B1?asOf=${today}&${ready()}`).expect(200);
      const shared = Object.fromEntries(
        Object.keys(current.body).map((k) => [k, replayed.body[k]]),
      );
      expect(shared).toEqual(current.body);
    });

    it.each([
      ['asOf=2999-01-01', 'asOf'],
      ['asOf=2015-02-30', 'asOf'],
      ['mode=sideways', 'mode'],
      ['colour=red', 'colour'],
    ])('refuses %s', async (query, field) => {
      const res = await get(`/api/cases/B1?${query}`).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('answers 404 for a case that does not exist', async () => {
      const res = await get('/api/cases/NOPE?asOf=2015-01-01').expect(404);
      expect(res.body.detail).toBe('No case NOPE');
    });
  });

  describe('verifying the hash chains (GET /api/audit/verify)', () => {
    it('checks every event of every stream and finds the log intact', async () => {
      const res = await get('/api/audit/verify').expect(200);
      // B1: 104 events in 20 streams. R: referral, 3 processes, decision, review, immediate
      // learning, 2 reports, pause, 3 conclusions, resumption, new information, sign-off,
      // publication, 3 findings, 10 recommendations, scrutiny = 31. T: 13 requests, the Panel's
      // disagreement being 2 events = 14.
      expect(res.body).toEqual({
        ok: true,
        eventsChecked: 149,
        streamsChecked: 22,
        firstBrokenLink: null,
      });
    });

    it('names the first broken link once an event was edited in the file', async () => {
      const { items } = await history('T', '&type=DecisionRecorded');
      const victim = items[0];
      const db = new Database(String((t.settings.eventStore as { path: string }).path));
      try {
        db.prepare(
          `UPDATE events SET data = json_set(data, '$.rationale', 'Edited afterwards') WHERE stream_id = ? AND version = ?`,
        ).run(victim.streamId, victim.version);
      } finally {
        db.close();
      }
      const res = await get('/api/audit/verify').expect(200);
      expect(res.body).toMatchObject({
        ok: false,
        firstBrokenLink: {
          streamId: 'case-T',
          version: String(victim.version),
          position: victim.position,
          check: 'hash',
          found: victim.hash,
        },
      });
      const all = await t.app.get(EventStore).readAll({ limit: 1000 });
      expect(res.body.eventsChecked).toBe(
        all.filter((e) => e.position < BigInt(victim.position)).length,
      );
    });
  });
});

/** A small RFC 4180 reader, to prove the export can be read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return records;
}
