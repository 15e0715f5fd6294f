import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type CaseEvent, daysBetween, readClock } from '@casetrail/domain';
import { NO_STREAM, SqliteEventStore, type StoredEvent } from '@casetrail/event-store';
import { sampleEvent, sampleMetadata } from '@casetrail/event-store/testing/sample-events';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import type { ProjectionHandler } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelStore } from '../read-model-store';
import { caseStatusProjection } from './case-status.projection';
import { childB1, childR, childT } from './testing/sample-cases';

const dirs = temporaryDirectories('casetrail-case-status-');
afterAll(() => dirs.cleanup());

describe('the case status projection', () => {
  let readModels: ReadModelStore;
  let handler: ProjectionHandler;
  beforeEach(() => {
    readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
    const t = ReadModelStore.tableNames(caseStatusProjection, 1n);
    readModels.db.exec(caseStatusProjection.createSchema(t));
    readModels.activate(caseStatusProjection, 1n);
    handler = caseStatusProjection.bind(readModels.db, t);
  });
  /** Each event a batch of its own, as the runner applies it: the event, then the batch's end. */
  const apply = (event: StoredEvent) => applyBatch([event]);
  const applyBatch = (events: readonly StoredEvent[]) =>
    readModels.db.transaction(() => {
      events.forEach(handler);
      handler.endBatch?.();
    })();
  afterEach(() => readModels.close());

  // Each event at once again (a retried batch), then the whole log again (a replay).
  const applyTwice = (events: StoredEvent[]) =>
    [...events.flatMap((e) => [e, e]), ...events].forEach(apply);
  const caseRow = (caseId: string) =>
    readModels.db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as Row;
  const clock = (caseId: string, name: string) =>
    readModels.db
      .prepare('SELECT * FROM case_clocks WHERE case_id = ? AND clock = ?')
      .get(caseId, name) as Row;

  describe('when Child B1 was decided late, signed off late and published (domain.md §7.1)', () => {
    beforeEach(() => applyTwice(inLog(['B1', childB1])));

    it('shows the case as published, with the current decision and the review', () => {
      expect(caseRow('B1')).toMatchObject({
        case_ref: 'SCR B1',
        regime: 'WT2013',
        status: 'PUBLISHED',
        stage: 'PUBLICATION',
        referred_on: '2014-10-07',
        referring_agency: "Children's Social Care",
        incident_type: 'SERIOUS_HARM',
        incident_date: '2014-08-27',
        decision_id: 'D-B1-1',
        decision_outcome: 'SCR_COMMISSIONED',
        decided_on: '2014-12-19',
        decided_by: 'Independent Chair of the LSCB',
        review_id: 'RV-B1',
        review_commissioned_on: '2015-01-14',
        review_target_completion_on: '2015-06-19',
        review_paused_since: null,
        review_signed_off_on: '2015-10-28',
        review_published_on: '2016-06-13',
        paused_days_to_date: 0n,
        last_event_on: '2016-06-13',
      });
      expect(JSON.parse(caseRow('B1').pseudonyms as string)).toEqual(['Child B1']);
    });

    it('counts each fact once although every event was applied twice', () => {
      expect(caseRow('B1')).toMatchObject({
        open_parallel_processes: 2n,
        recommendations: 2n,
        findings: 0n,
        open_contest: 0n,
        version: BigInt(childB1.length),
      });
      const agencies = readModels.db.prepare('SELECT agency FROM case_agencies').all();
      expect(agencies).toEqual([{ agency: "Children's Social Care" }]);
      expect(readModels.db.prepare('SELECT count(*) AS n FROM case_themes').get()).toEqual({
        n: 8n,
      });
    });

    it('breaches the one-month decision clock by 42 days (7 Nov → 19 Dec 2014), with the reason', () => {
      const row = clock('B1', 'DECISION');
      expect(row).toMatchObject({
        anchor_on: '2014-10-07',
        due_on: '2014-11-07',
        completed_on: '2014-12-19',
        delay_reason_code: 'CHANGE_OF_STAFF',
        delay_reason_detail: expect.stringContaining('change of key personnel'),
      });
      expect(read(row, '2016-06-13')).toMatchObject({ status: 'BREACHED', daysLate: 42 });
    });

    it('breaches the six-month completion target by 131 days, counted from the decision', () => {
      const row = clock('B1', 'REVIEW_COMPLETION');
      expect(row).toMatchObject({
        anchor_on: '2014-12-19',
        due_on: '2015-06-19',
        completed_on: '2015-10-28',
        extended_to: null,
        delay_reason_code: 'PARALLEL_PROCESSES',
      });
      expect(read(row, '2016-06-13')).toMatchObject({ status: 'BREACHED', daysLate: 131 });
    });

    it('runs no clock that WT2013 does not set (no publication deadline)', () => {
      const names = readModels.db
        .prepare('SELECT clock FROM case_clocks ORDER BY clock')
        .all()
        .map((r) => (r as Row).clock);
      expect(names).toEqual(['DECISION', 'REVIEW_COMPLETION']);
    });
  });

  describe('when a referral is still waiting for a decision (B1 as of 2014-11-30)', () => {
    it('keeps the decision clock open, overdue by 23 days', () => {
      applyTwice(inLog(['B1', childB1.slice(0, 4)]));
      expect(caseRow('B1')).toMatchObject({
        status: 'UNDER_CONSIDERATION',
        stage: 'INTAKE',
        decision_id: null,
      });
      const row = clock('B1', 'DECISION');
      expect(row.completed_on).toBeNull();
      expect(read(row, '2014-11-30')).toMatchObject({ status: 'BREACHED', daysLate: 23 });
    });
  });

  describe('when Child R was paused for parallel processes (domain.md §7.2)', () => {
    it('shows the pause open since 2014-01-15, its days counted by the reader (2,358 on 2020-06-30)', () => {
      applyTwice(inLog(['R', childR.slice(0, -2)]));
      const row = caseRow('R');
      expect(row).toMatchObject({
        status: 'REVIEW_PAUSED',
        stage: 'REVIEW',
        review_paused_since: '2014-01-15',
        paused_days_to_date: 0n,
        open_parallel_processes: 1n,
      });
      expect(daysBetween(row.review_paused_since as string, '2020-06-30')).toBe(2358);
    });

    it('adds the closed pause, 2014-01-15 → 2020-09-28, to the paused days: 2,448', () => {
      applyTwice(inLog(['R', childR]));
      expect(caseRow('R')).toMatchObject({
        status: 'REVIEW_IN_PROGRESS',
        review_paused_since: null,
        paused_days_to_date: 2448n,
      });
    });

    it('meets the WT2010 one-month decision clock (due 2013-04-04, decided 2013-03-28)', () => {
      applyTwice(inLog(['R', childR]));
      const row = clock('R', 'DECISION');
      expect(row).toMatchObject({
        due_on: '2013-04-04',
        completed_on: '2013-03-28',
        delay_reason_code: null,
      });
      expect(read(row, '2020-09-28')).toMatchObject({ status: 'MET', daysLate: 0 });
    });
  });

  describe("when the Panel contested Child T's no-review decision and it was revised (domain.md §7.5)", () => {
    beforeEach(() => applyTwice(inLog(['T', childT])));

    it('shows the revised decision as current and no open contest', () => {
      expect(caseRow('T')).toMatchObject({
        status: 'PUBLISHED',
        decision_id: 'D-T-2',
        decision_outcome: 'LCSPR_COMMISSIONED',
        decided_on: '2020-02-05',
        open_contest: 0n,
      });
    });

    it('misses the 5-working-day notification by 2 calendar days, with the reason', () => {
      const row = clock('T', 'SERIOUS_INCIDENT_NOTIFICATION');
      expect(row).toMatchObject({
        anchor_on: '2019-12-20',
        due_on: '2019-12-31',
        completed_on: '2020-01-02',
      });
      expect(row.delay_reason_code).toBe('OFFICE_CLOSURE');
      expect(read(row, '2021-05-10')).toMatchObject({ status: 'BREACHED', daysLate: 2 });
    });

    it('meets the rapid review and the completion target, counted from the revised decision', () => {
      expect(read(clock('T', 'RAPID_REVIEW'), '2021-05-10')).toMatchObject({ status: 'MET' });
      const completion = clock('T', 'REVIEW_COMPLETION');
      expect(completion).toMatchObject({
        anchor_on: '2020-02-05',
        due_on: '2020-08-05',
        completed_on: '2020-07-20',
      });
      expect(read(completion, '2021-05-10')).toMatchObject({ status: 'MET', daysLate: 0 });
    });

    it('breaches the publication deadline by 278 days (5 Aug 2020 → 10 May 2021)', () => {
      const row = clock('T', 'PUBLICATION');
      expect(row.delay_reason_code).toBe('AWAITING_POLICE_INVESTIGATION_OR_TRIAL');
      expect(read(row, '2021-05-10')).toMatchObject({ status: 'BREACHED', daysLate: 278 });
    });
  });

  describe('when events of two cases interleave in the log', () => {
    it('folds each case from its own stream', () => {
      applyTwice(inLog(['B1', childB1], ['R', childR], ['T', childT]));
      expect(caseRow('B1').status).toBe('PUBLISHED');
      expect(caseRow('R').status).toBe('REVIEW_IN_PROGRESS');
      expect(caseRow('T').status).toBe('PUBLISHED');
    });
  });

  describe('when a batch brings many events of each case (each row is written once, at its end)', () => {
    const log = inLog(['B1', childB1], ['R', childR], ['T', childT]);
    /** The whole board on a fresh read model after the batches. */
    const boardAfter = (batches: StoredEvent[][]) => {
      const models = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
      const t = ReadModelStore.tableNames(caseStatusProjection, 1n);
      models.db.exec(caseStatusProjection.createSchema(t));
      models.activate(caseStatusProjection, 1n);
      const batchHandler = caseStatusProjection.bind(models.db, t);
      for (const batch of batches) {
        models.db.transaction(() => {
          batch.forEach(batchHandler);
          batchHandler.endBatch?.();
        })();
      }
      const board = {
        ...snapshot(models),
        counts: models.db.prepare('SELECT * FROM case_counts WHERE n > 0 ORDER BY 1, 2, 3').all(),
      };
      models.close();
      return board;
    };

    it('leaves the board as one event at a time does, and as the same batch applied again', () => {
      const oneAtATime = boardAfter(log.map((event) => [event]));
      expect(oneAtATime.cases).toHaveLength(3);
      expect(boardAfter([log])).toEqual(oneAtATime);
      expect(boardAfter([log.slice(0, 7), [...log.slice(0, 5), ...log]])).toEqual(oneAtATime);
    });

    it('forgets what a batch rolled back had changed, so the part applied again is all that counts', () => {
      const b1 = log.filter((e) => e.streamId === 'case-B1');
      applyBatch(b1.slice(0, 2));
      const poison = stored(
        'case-B1',
        'DecisionRecorded',
        new Proxy({ occurredOn: '2014-12-19' }, { get: (data, key) => (key === 'occurredOn' ? data.occurredOn : fail(key)) }),
        99n,
        999n,
      );
      expect(() => applyBatch([...b1.slice(2, 5), poison])).toThrow('poison');
      // The runner applies again the events before the one that failed; here, fewer of them.
      applyBatch(b1.slice(2, 3));
      expect(caseRow('B1')).toMatchObject({ last_position: b1[2].position, version: b1[2].version });
    });
  });

  describe('when cases move between stages', () => {
    it('keeps the counts by stage, status and regime equal to the rows, whatever was applied twice', () => {
      const counted = () =>
        readModels.db
          .prepare('SELECT stage, status, regime, n FROM case_counts WHERE n > 0 ORDER BY 1, 2, 3')
          .all();
      const grouped = () =>
        readModels.db
          .prepare(
            `SELECT stage, status, coalesce(regime, '') AS regime, count(*) AS n FROM cases
             GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
          )
          .all();
      const log = inLog(['B1', childB1], ['R', childR], ['T', childT]);
      for (const [i, event] of log.entries()) {
        apply(event);
        if (i % 3 === 0) apply(event);
        expect(counted()).toEqual(grouped());
      }
      expect(counted()).toEqual([
        { stage: 'PUBLICATION', status: 'PUBLISHED', regime: expect.any(String), n: 1n },
        { stage: 'PUBLICATION', status: 'PUBLISHED', regime: expect.any(String), n: 1n },
        { stage: 'REVIEW', status: 'REVIEW_IN_PROGRESS', regime: 'WT2010', n: 1n },
      ]);
    });
  });

  describe('when an event is not a dated case event', () => {
    it('leaves the board alone', () => {
      apply(stored('case-X', 'CaseReferred', {}, 1n, 1n));
      apply(stored('action-B1-A01', 'CaseReferred', childB1[0].data, 1n, 2n));
      expect(readModels.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0n });
    });
  });

  describe('when the read model is rebuilt from the log', () => {
    it('holds the same rows as the live generation', async () => {
      const dir = dirs.make();
      const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
      const models = new ReadModelStore(join(dir, 'read-models.sqlite'));
      const runner = new ProjectionRunner(store, models, [caseStatusProjection], {
        batchSize: 5,
        idleWaitMs: 20,
      });
      try {
        await store.append('case-B1', NO_STREAM, childB1.map(toNew));
        await store.append('case-R', NO_STREAM, childR.map(toNew));
        const { position } = await store.append('case-T', NO_STREAM, childT.map(toNew));
        runner.start();
        expect(await runner.waitForPosition(position, 5_000)).toBe(true);
        const live = snapshot(models);
        expect(live.cases).toHaveLength(3);

        await runner.rebuild('case_status');
        expect(snapshot(models)).toEqual(live);
      } finally {
        await runner.stop();
        models.close();
        await store.close();
      }
    });
  });
});

type Row = Record<string, unknown>;

const fail = (key: string | symbol): never => {
  throw new Error(`poison: ${String(key)} read`);
};

const read = (row: Row, asOf: string) =>
  readClock(
    row.clock as never,
    row.anchor_on as string,
    row.due_on as string,
    (row.completed_on as string | null) ?? undefined,
    asOf,
  );

const snapshot = (models: ReadModelStore) => ({
  cases: models.db.prepare('SELECT * FROM cases ORDER BY case_id').all(),
  clocks: models.db.prepare('SELECT * FROM case_clocks ORDER BY case_id, clock').all(),
  agencies: models.db.prepare('SELECT * FROM case_agencies ORDER BY case_id, agency').all(),
  themes: models.db.prepare('SELECT * FROM case_themes ORDER BY case_id, theme').all(),
});

const toNew = (event: CaseEvent) => ({
  ...sampleEvent(event.type, event.data),
  metadata: sampleMetadata(),
});

function stored(
  streamId: string,
  type: string,
  data: unknown,
  version: bigint,
  position: bigint,
): StoredEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: sampleMetadata(),
    streamId,
    version,
    position,
    recordedAt: '2024-01-01T00:00:00.000Z',
    prevHash: '',
    hash: '',
  };
}

/** The streams' events interleaved one by one in a global log, as several writers would leave them. */
function inLog(...streams: Array<[caseId: string, events: CaseEvent[]]>): StoredEvent[] {
  const log: StoredEvent[] = [];
  const longest = Math.max(...streams.map(([, events]) => events.length));
  for (let i = 0; i < longest; i++) {
    for (const [caseId, events] of streams) {
      const event = events[i];
      if (event)
        log.push(
          stored(`case-${caseId}`, event.type, event.data, BigInt(i + 1), BigInt(log.length + 1)),
        );
    }
  }
  return log;
}
