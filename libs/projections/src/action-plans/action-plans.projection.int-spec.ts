import { join } from 'node:path';
import { NO_STREAM, type NewEvent, SqliteEventStore, type StoredEvent } from '@casetrail/event-store';
import { sampleEvent, sampleMetadata } from '@casetrail/event-store/testing/sample-events';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelStore } from '../read-model-store';
import { ACTION_HISTORY_SQL, type ActionSnapshot, actionPlansProjection } from './action-plans.projection';

const dirs = temporaryDirectories('casetrail-action-plans-');
afterAll(() => dirs.cleanup());

/** B1-A09 as domain.md §7.1 tells it: planned, re-dated once, completed, signed off; and A02's escalation. */
const A09: [string, object, string?][] = [
  [
    'ActionPlanned',
    {
      occurredOn: '2015-03-02',
      actionId: 'B1-A09',
      caseId: 'B1',
      recommendationIds: ['CSC-2'],
      actionText: 'Training on the impact of domestic violence',
      desiredOutcome: 'Support for parents',
      lead: { displayText: 'Workforce development and Service managers CIN teams', persons: [], agency: "Children's Social Care" },
      agency: "Children's Social Care",
      monitoringBody: 'PAQA',
      timescaleText: 'By September 2015',
      dueDate: '2015-09-30',
      dueDatePrecision: 'MONTH',
    },
  ],
  ['ActionProgressRecorded', { occurredOn: '2015-09-15', progressId: 'p1', reportedBy: 'x', narrative: 'rescheduled', rag: 'AMBER', evidence: [] }],
  ['ActionDueDateChanged', { occurredOn: '2015-09-15', fromDate: '2015-09-30', toDate: '2015-12-31', reason: 'capacity', approvedBy: { name: 'PAQA chair', role: 'Chair' } }],
  ['ActionCompleted', { occurredOn: '2016-01-12', completedBy: 'x', summary: 'delivered', evidence: [] }, '2016-01-20'],
  ['ActionCompletionSignedOff', { occurredOn: '2016-02-11', body: 'PAQA', chair: { name: 'PAQA chair', role: 'Chair' }, impactAssessment: 'IMPACT_EVIDENCED' }],
];
const ESCALATION: [string, object][] = [
  [
    'EscalationRaised',
    {
      occurredOn: '2015-05-06',
      escalationId: 'E1',
      subject: { kind: 'ACTION', id: 'B1-A02', caseId: 'B1' },
      reason: 'OVERDUE',
      detail: '28 days overdue',
      level: 1,
      addressedTo: 'Chair of the monitoring subgroup',
      raisedBy: { name: 'Automatic escalation', role: 'System' },
      automatic: true,
      dueDate: '2015-04-08',
      daysOverdue: 28,
    },
  ],
  ['EscalationReferredUp', { occurredOn: '2015-06-03', toLevel: 2, addressedTo: 'Executive group', reason: '56 days', automatic: true }],
  ['EscalationResolved', { occurredOn: '2015-07-06', outcome: 'ACTION_COMPLETED', note: 'done', by: { name: 'x', role: 'y' } }],
];

/** B1-A10, made up: every kind of change to an action's row, returned once, then withdrawn. */
const A10: [string, object, string?][] = [
  ['ActionPlanned', { ...(A09[0]![1] as object), occurredOn: '2015-03-02', actionId: 'B1-A10', dueDate: undefined, dueDatePrecision: 'CONDITIONAL' }],
  ['ActionDueDateSet', { occurredOn: '2015-04-01', dueDate: '2015-10-31', reason: 'trigger met' }],
  ['ActionLeadChanged', { occurredOn: '2015-05-01', fromLead: { displayText: 'x', persons: [] }, toLead: { displayText: 'Head of Service, CIN', persons: [] }, reason: 'left' }],
  ['ActionProgressRecorded', { occurredOn: '2015-06-01', progressId: 'p1', reportedBy: 'x', narrative: 'slipping', rag: 'RED', evidence: [] }],
  ['ActionDueDateChanged', { occurredOn: '2015-06-02', fromDate: '2015-10-31', toDate: '2015-12-31', reason: 'capacity', approvedBy: { name: 'c', role: 'Chair' } }],
  ['ActionCompleted', { occurredOn: '2015-12-01', completedBy: 'x', summary: 'done', evidence: [] }],
  ['ActionCompletionReturned', { occurredOn: '2015-12-10', reason: 'no evidence' }],
  ['ActionProgressRecorded', { occurredOn: '2015-12-11', progressId: 'p2', reportedBy: 'x', narrative: 'again', rag: 'GREEN', evidence: [] }],
  ['ActionCancelled', { occurredOn: '2016-01-05', reason: 'superseded by the new plan' }],
];

function log(...more: [string, [string, object, string?][]][]): StoredEvent[] {
  const events: StoredEvent[] = [];
  const add = (streamId: string, rows: [string, object, string?][]) =>
    rows.forEach(([type, data, knownOn], i) =>
      events.push({
        ...sampleEvent(type, data),
        metadata: sampleMetadata(knownOn ? { knownOn } : {}),
        streamId,
        version: BigInt(i + 1),
        position: BigInt(events.length + 1),
        recordedAt: '2026-11-23T10:00:00.000Z',
        prevHash: '',
        hash: '',
      }),
    );
  add('action-B1-A09', A09);
  add('escalation-E1', ESCALATION);
  more.forEach(([streamId, rows]) => add(streamId, rows));
  return events;
}

describe('the action plans projection', () => {
  let readModels: ReadModelStore;
  beforeEach(() => {
    readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
  });
  afterEach(() => readModels.close());

  const bindFresh = () => {
    const t = ReadModelStore.tableNames(actionPlansProjection, 1n);
    readModels.db.exec(actionPlansProjection.createSchema(t));
    readModels.activate(actionPlansProjection, 1n);
    const handle = actionPlansProjection.bind(readModels.db, t);
    // Each event as a batch of its own; the runner's batches are covered by the rebuild test below.
    return (event: StoredEvent) => {
      handle(event);
      handle.endBatch?.();
    };
  };

  describe('when every event is applied twice, and then the whole log again', () => {
    beforeEach(() => {
      const apply = bindFresh();
      const events = log();
      [...events.flatMap((e) => [e, e]), ...events].forEach(apply);
    });

    it('keeps the original and the current due date, the change count and the sign-off', () => {
      expect(readModels.db.prepare('SELECT * FROM actions').all()).toEqual([
        expect.objectContaining({
          action_id: 'B1-A09',
          case_id: 'B1',
          recommendation_ids: '["CSC-2"]',
          monitoring_body: 'PAQA',
          original_due_date: '2015-09-30',
          current_due_date: '2015-12-31',
          due_date_changes: 1n,
          status: 'SIGNED_OFF',
          reported_rag: 'AMBER',
          last_progress_on: '2015-09-15',
          completed_on: '2016-01-12',
          signed_off_on: '2016-02-11',
          version: 5n,
        }),
      ]);
    });

    it('keeps each fact once in the history, with the day it happened and the day it was known', () => {
      const { history } = readModels.db.prepare(`SELECT ${ACTION_HISTORY_SQL} AS history FROM actions`).get() as { history: string };
      const entries = JSON.parse(history) as { type: string; occurredOn: string; knownOn: string }[];
      expect(entries.map((e) => e.type)).toEqual(A09.map(([type]) => type));
      expect(entries[3]).toMatchObject({ occurredOn: '2016-01-12', knownOn: '2016-01-20' });
      expect(entries[0]).toMatchObject({ occurredOn: '2015-03-02', knownOn: '2026-11-23' });
    });

    it('keeps when A09 was overdue: as effective, after its new date until done; as known, never (all recorded in 2026)', () => {
      const periods = readModels.db
        .prepare('SELECT mode, from_date, until_date, due_date, case_id, agency, monitoring_body, lead_text FROM action_overdue ORDER BY mode, from_date')
        .all();
      const common = {
        due_date: '2015-12-31',
        case_id: 'B1',
        agency: "Children's Social Care",
        monitoring_body: 'PAQA',
        lead_text: 'Workforce development and Service managers CIN teams',
      };
      expect(periods).toEqual([
        { mode: 'effective', from_date: '2016-01-01', until_date: '2016-01-12', ...common },
      ]);
    });

    it('keeps A09\'s standing period by period, with what was done, as effective and as known', () => {
      const periods = (readModels.db.prepare('SELECT mode, from_date, until_date, snapshot FROM action_status ORDER BY mode, from_date').all() as { snapshot: string }[]).map(
        ({ snapshot, ...period }) => {
          const { status, narrative } = JSON.parse(snapshot) as ActionSnapshot;
          return { ...period, status: status.status, subStatus: status.subStatus, due: status.currentDueDate, narrative };
        },
      );
      const none = { latestProgress: null, completionSummary: null, signOff: null, withdrawnOn: null };
      const progress = { ...none, latestProgress: { on: '2015-09-15', rag: 'AMBER', narrative: 'rescheduled' } };
      const completed = { ...progress, completionSummary: 'delivered' };
      const signedOff = { ...completed, signOff: { on: '2016-02-11', impactAssessment: 'IMPACT_EVIDENCED' } };
      expect(periods).toEqual([
        { mode: 'effective', from_date: '2015-03-02', until_date: '2015-09-15', status: 'ON_TRACK', due: '2015-09-30', narrative: none },
        { mode: 'effective', from_date: '2015-09-15', until_date: '2016-01-01', status: 'AT_RISK', due: '2015-12-31', narrative: progress },
        { mode: 'effective', from_date: '2016-01-01', until_date: '2016-01-12', status: 'OVERDUE', due: '2015-12-31', narrative: progress },
        { mode: 'effective', from_date: '2016-01-12', until_date: '2016-02-11', status: 'COMPLETE', subStatus: 'AWAITING_SIGN_OFF', due: '2015-12-31', narrative: completed },
        { mode: 'effective', from_date: '2016-02-11', until_date: '9999-12-31', status: 'COMPLETE', subStatus: 'SIGNED_OFF', due: '2015-12-31', narrative: signedOff },
        // Known: the board learnt of the plan only when it was entered (2026-11-23), by then signed off.
        { mode: 'known', from_date: '2026-11-23', until_date: '9999-12-31', status: 'COMPLETE', subStatus: 'SIGNED_OFF', due: '2015-12-31', narrative: signedOff },
      ]);
    });

    it('follows the escalation up the ladder to its resolution', () => {
      expect(readModels.db.prepare('SELECT * FROM escalations').get()).toMatchObject({
        escalation_id: 'E1',
        subject_kind: 'ACTION',
        subject_id: 'B1-A02',
        case_id: 'B1',
        level: 2n,
        addressed_to: 'Executive group',
        status: 'RESOLVED',
        automatic: 1n,
        due_date: '2015-04-08',
        raised_on: '2015-05-06',
        resolved_on: '2015-07-06',
      });
    });
  });

  it('keeps the same rows when the whole log comes in one batch as when each event is its own', () => {
    const tables = ['actions', 'action_history', 'action_status', 'action_overdue', 'escalations', 'escalation_history'];
    const rows = () => tables.map((table) => readModels.db.prepare(`SELECT * FROM ${table}`).all());
    const events = log(['action-B1-A10', A10]);
    const apply = bindFresh();
    events.forEach(apply);
    const eventByEvent = rows();
    readModels.db.exec(tables.map((table) => `DELETE FROM ${table}__g1;`).join(''));
    const handle = actionPlansProjection.bind(readModels.db, ReadModelStore.tableNames(actionPlansProjection, 1n));
    events.forEach(handle);
    expect(readModels.db.prepare('SELECT count(*) AS n FROM action_status').get()).toEqual({ n: 0n });
    handle.endBatch!();
    expect(rows()).toEqual(eventByEvent);
    expect(eventByEvent[2]).not.toEqual([]);
    // A10's row as its last event of each kind left it, whether updated once per event or per batch.
    expect(readModels.db.prepare("SELECT * FROM actions WHERE action_id = 'B1-A10'").get()).toMatchObject({
      original_due_date: null,
      current_due_date: '2015-12-31',
      due_date_changes: 1n,
      lead: JSON.stringify({ displayText: 'Head of Service, CIN', persons: [] }),
      status: 'CANCELLED',
      reported_rag: 'GREEN',
      last_progress_on: '2015-12-11',
      completed_on: null,
      signed_off_on: null,
      closed_on: '2016-01-05',
      version: 9n,
    });
  });

  it('counts each overdue day under the lead of that day, and reads the lead of the day', () => {
    const apply = bindFresh();
    const [planned] = log();
    apply(planned!);
    const newLead = { displayText: 'Head of Service, CIN', persons: [], agency: "Children's Social Care" };
    apply({ ...planned!, ...sampleEvent('ActionLeadChanged', { occurredOn: '2015-11-01', fromLead: (planned!.data as { lead: object }).lead, toLead: newLead, reason: 'restructure' }), metadata: sampleMetadata(), version: 2n, position: 2n, recordedAt: '2026-11-23T10:00:00.000Z' });
    const overdue = (mode: string) =>
      readModels.db.prepare('SELECT from_date, until_date, lead_text FROM action_overdue WHERE mode = ? ORDER BY from_date').all(mode);
    // Due 2015-09-30: overdue from 1 October, under the first lead until the change of 1 November.
    expect(overdue('effective')).toEqual([
      { from_date: '2015-10-01', until_date: '2015-11-01', lead_text: 'Workforce development and Service managers CIN teams' },
      { from_date: '2015-11-01', until_date: '9999-12-31', lead_text: 'Head of Service, CIN' },
    ]);
    // As known, the board heard of the plan and the change on the same day (both recorded on 23 November 2026).
    expect(overdue('known')).toEqual([{ from_date: '2026-11-23', until_date: '9999-12-31', lead_text: 'Head of Service, CIN' }]);
    const leadOn = (date: string) =>
      readModels.db
        .prepare(`SELECT json_extract(snapshot, '$.lead.displayText') AS lead FROM action_status WHERE mode = 'effective' AND from_date <= ? AND until_date > ?`)
        .get(date, date);
    expect(leadOn('2015-10-15')).toEqual({ lead: 'Workforce development and Service managers CIN teams' });
    expect(leadOn('2015-11-15')).toEqual({ lead: 'Head of Service, CIN' });
  });

  it('rebuilds from the store into the same rows as the live generation', async () => {
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    try {
      const append = (streamId: string, rows: [string, object, string?][]) =>
        store.append(streamId, NO_STREAM, rows.map(([type, data]): NewEvent => sampleEvent(type, data)));
      await append('action-B1-A09', A09);
      await append('escalation-E1', ESCALATION);
      const runner = new ProjectionRunner(store, readModels, [actionPlansProjection], { idleWaitMs: 10 });
      runner.start();
      expect(await runner.waitForPosition(await store.headPosition(), 5_000)).toBe(true);
      const rows = () => ['actions', 'action_history', 'action_status', 'action_overdue', 'escalations', 'escalation_history'].map((table) => readModels.db.prepare(`SELECT * FROM ${table}`).all());
      const live = rows();
      await runner.rebuild('action_plans');
      expect(rows()).toEqual(live);
      await runner.stop();
    } finally {
      await store.close();
    }
  });
});
