import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CaseEvent } from '@casetrail/domain';
import { NO_STREAM, SqliteEventStore, type StoredEvent } from '@casetrail/event-store';
import { sampleEvent, sampleMetadata } from '@casetrail/event-store/testing/sample-events';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { childB1, childR, childT } from '../case-status/testing/sample-cases';
import { ProjectionRunner } from '../projection-runner';
import { ReadModelStore } from '../read-model-store';
import { reportingProjection } from './reporting.projection';

const dirs = temporaryDirectories('casetrail-reporting-');
afterAll(() => dirs.cleanup());

/** A late entry on B1: an overview recommendation closed without action, known a week later. */
const B1_CLOSURE: [CaseEvent, string] = [
  {
    type: 'RecommendationClosedWithoutAction',
    data: {
      occurredOn: '2016-07-01',
      recommendationId: 'OVR-23.1-i',
      reason: 'Covered by the board audit programme',
    },
  },
  '2016-07-08',
];

/**
 * B1's family: the parents invited (B1-13) and silent (B1-21); and its care proceedings
 * concluded, known a month late (synthetic: the seed records no conclusion).
 */
const B1_FAMILY_AND_PROCESS: CaseEvent[] = [
  {
    type: 'FamilyInvolvementRecorded',
    data: {
      occurredOn: '2015-02-02',
      involvement: 'INVITED',
      familyMemberRole: 'parents',
      method: 'LETTER',
    },
  },
  {
    type: 'FamilyInvolvementRecorded',
    data: { occurredOn: '2015-04-30', involvement: 'NO_RESPONSE', familyMemberRole: 'parents' },
  },
  {
    type: 'ParallelProcessConcluded',
    data: { occurredOn: '2015-06-01', processId: 'PP-B1-2', outcome: 'Care order made' },
  },
];

/**
 * Child T's review graded twice after publication, the second time by Ofsted and known a
 * fortnight late (synthetic: no seed records a grade).
 */
const T_EVALUATIONS: CaseEvent[] = [
  {
    type: 'ReviewEvaluated',
    data: {
      occurredOn: '2021-06-01',
      evaluator: 'INTERNAL',
      grade: 'ADEQUATE',
      commentary: 'Sound chronology; analysis of the delay thin',
    },
  },
  {
    type: 'ReviewEvaluated',
    data: {
      occurredOn: '2021-09-01',
      evaluator: 'OFSTED',
      grade: 'GOOD',
      commentary: 'Learning clearly drawn',
    },
  },
];

describe('the reporting projection', () => {
  let readModels: ReadModelStore;
  beforeEach(() => {
    readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
  });
  afterEach(() => readModels.close());

  const bindFresh = () => {
    const t = ReadModelStore.tableNames(reportingProjection, 1n);
    readModels.db.exec(reportingProjection.createSchema(t));
    readModels.activate(reportingProjection, 1n);
    return reportingProjection.bind(readModels.db, t);
  };
  const rows = (table: string) =>
    readModels.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Row[];

  describe('when every event is applied twice, and then the whole log again', () => {
    beforeEach(() => {
      const apply = bindFresh();
      const events = inLog(
        [
          'B1',
          [...childB1, B1_CLOSURE[0], ...B1_FAMILY_AND_PROCESS],
          { [childB1.length]: B1_CLOSURE[1], [childB1.length + 3]: '2015-07-01' },
        ],
        ['T', [...childT, ...T_EVALUATIONS], { [childT.length + 1]: '2021-09-15' }],
      );
      [...events.flatMap((e) => [e, e]), ...events].forEach(apply);
    });

    it('keeps one referral per case, with its children, themes and decision deadline', () => {
      const referrals = rows('report_referrals');
      expect(referrals).toHaveLength(2);
      expect(referrals[0]).toMatchObject({
        case_id: 'B1',
        case_ref: 'SCR B1',
        referred_on: '2014-10-07',
        known_on: '2024-01-01',
        referring_agency: "Children's Social Care",
        regime: 'WT2013',
        incident_type: 'SERIOUS_HARM',
        decision_due_on: '2014-11-07',
      });
      expect(JSON.parse(referrals[0].themes as string)).toHaveLength(8);
      expect(JSON.parse(referrals[0].subjects as string)).toEqual([
        expect.objectContaining({
          pseudonym: 'Child B1',
          role: 'SUBJECT',
          ageAtIncident: 2,
          sex: 'FEMALE',
        }),
      ]);
    });

    it('keeps every decision once, the superseded one too, in stream order', () => {
      expect(
        rows('report_decisions').map((d) => [
          d.case_id,
          d.decision_id,
          d.kind,
          d.outcome,
          d.decided_on,
          d.supersedes_decision_id,
        ]),
      ).toEqual([
        ['B1', 'D-B1-1', 'RECORDED', 'SCR_COMMISSIONED', '2014-12-19', null],
        ['T', 'D-T-1', 'RECORDED', 'NO_FURTHER_ACTION', '2020-01-15', null],
        ['T', 'D-T-2', 'REVISED', 'LCSPR_COMMISSIONED', '2020-02-05', 'D-T-1'],
      ]);
      const [t1, t2] = rows('report_decisions').filter((d) => d.case_id === 'T');
      expect(t1.seq).toBeLessThan(t2.seq as bigint);
    });

    it('keeps each review with its sign-off and publication dates', () => {
      expect(rows('report_reviews')).toEqual([
        expect.objectContaining({
          case_id: 'B1',
          review_id: 'RV-B1',
          review_type: 'SCR',
          commissioned_on: '2015-01-14',
          signed_off_on: '2015-10-28',
          published_on: '2016-06-13',
        }),
        expect.objectContaining({
          case_id: 'T',
          review_id: 'RV-T',
          review_type: 'LCSPR',
          methodology: 'REVIEWER_LED',
          signed_off_on: '2020-07-20',
          published_on: '2021-05-10',
        }),
      ]);
    });

    it('keeps recommendations with number, text and themes, and a closure with the day it was known', () => {
      const recommendations = rows('report_recommendations');
      expect(
        recommendations.map((r) => [r.recommendation_id, r.number, r.themes, r.added_on]),
      ).toEqual([
        ['OVR-23.1-i', '23.1(i)', '["ESCALATION"]', '2015-09-30'],
        ['OVR-23.1-iii', '23.1(iii)', '["LEGAL_ADVICE"]', '2015-09-30'],
      ]);
      expect(recommendations[0]).toMatchObject({
        scope: 'MULTI_AGENCY',
        addressed_to: 'Leicester LSCB',
        closed_on: '2016-07-01',
        closed_known_on: '2016-07-08',
        closure_reason: 'Covered by the board audit programme',
      });
      expect(recommendations[1]).toMatchObject({ closed_on: null, closed_known_on: null });
    });

    it('keeps every evaluation once, in stream order, with who graded, the grade and the day it was known', () => {
      expect(
        rows('report_evaluations').map((e) => [
          e.case_id,
          e.seq,
          e.evaluator,
          e.grade,
          e.evaluated_on,
          e.known_on,
        ]),
      ).toEqual([
        ['T', BigInt(childT.length + 1), 'INTERNAL', 'ADEQUATE', '2021-06-01', '2024-01-01'],
        ['T', BigInt(childT.length + 2), 'OFSTED', 'GOOD', '2021-09-01', '2021-09-15'],
      ]);
    });

    it('keeps each parallel process once, with its conclusion and the day that was known', () => {
      expect(
        rows('report_parallel_processes').map((p) => [
          p.case_id,
          p.process_id,
          p.process_type,
          p.started_on,
          p.concluded_on,
          p.concluded_known_on,
        ]),
      ).toEqual([
        ['B1', 'PP-B1-1', 'CRIMINAL_INVESTIGATION', '2014-10-07', null, null],
        ['B1', 'PP-B1-2', 'CARE_PROCEEDINGS', '2014-10-07', '2015-06-01', '2015-07-01'],
        ['T', 'PP-T-1', 'CRIMINAL_PROCEEDINGS', '2020-02-05', null, null],
      ]);
    });

    it('keeps every record of the family’s involvement once, in stream order', () => {
      expect(
        rows('report_family_involvement').map((f) => [
          f.case_id,
          f.seq,
          f.involvement,
          f.family_member_role,
          f.method,
          f.recorded_on,
        ]),
      ).toEqual([
        ['B1', BigInt(childB1.length + 2), 'INVITED', 'parents', 'LETTER', '2015-02-02'],
        ['B1', BigInt(childB1.length + 3), 'NO_RESPONSE', 'parents', null, '2015-04-30'],
      ]);
    });
  });

  it('keeps each process R’s review was paused for, with the day of the pause, and each process’s impact', () => {
    const apply = bindFresh();
    inLog(['R', childR]).forEach(apply);
    expect(
      rows('report_process_pauses').map((p) => [p.case_id, p.process_id, p.paused_on]),
    ).toEqual([
      ['R', 'PP-R-1', '2014-01-15'],
      ['R', 'PP-R-2', '2014-01-15'],
      ['R', 'PP-R-3', '2014-01-15'],
    ]);
    expect(rows('report_parallel_processes').map((p) => [p.process_id, p.impact])).toEqual([
      ['PP-R-1', '["PAUSES_REVIEW"]'],
      ['PP-R-2', '["PAUSES_REVIEW"]'],
      ['PP-R-3', '["PAUSES_REVIEW"]'],
    ]);
  });

  it('passes over an event without a business date, as it cannot be placed in any period', () => {
    const apply = bindFresh();
    const undated = { ...inLog(['X', childT.slice(0, 1)])[0], data: {} };
    apply(undated);
    expect(rows('report_referrals')).toEqual([]);
  });

  it('rebuilds from the store into the same rows as the live generation', async () => {
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    try {
      const append = (streamId: string, events: CaseEvent[]) =>
        store.append(
          streamId,
          NO_STREAM,
          events.map((e) => sampleEvent(e.type, e.data)),
        );
      const learning: CaseEvent[] = [
        {
          type: 'FindingRecorded',
          data: {
            occurredOn: '2015-09-30',
            findingId: 'F1',
            text: 'Weight loss',
            themes: ['NEGLECT'],
          },
        },
        {
          type: 'LearningDisseminated',
          data: {
            occurredOn: '2016-07-01',
            format: 'NEWSLETTER',
            audience: 'All agencies',
            themes: ['NEGLECT'],
          },
        },
      ];
      await append('case-B1', [...childB1, ...learning, B1_CLOSURE[0], ...B1_FAMILY_AND_PROCESS]);
      await append('case-T', [...childT, ...T_EVALUATIONS]);
      const runner = new ProjectionRunner(store, readModels, [reportingProjection], {
        idleWaitMs: 10,
      });
      runner.start();
      try {
        expect(await runner.waitForPosition(await store.headPosition(), 5_000)).toBe(true);
        const snapshot = () => reportingProjection.tables.map((table) => rows(table));
        const live = snapshot();
        expect(live.map((table) => table.length)).toEqual([2, 3, 2, 2, 2, 3, 2, 0, 2]);
        await runner.rebuild('reporting');
        expect(snapshot()).toEqual(live);
      } finally {
        await runner.stop();
      }
    } finally {
      await store.close();
    }
  });
});

describe('when a store was projected by version 1, before evaluations were kept', () => {
  it('rebuilds on start into tables that hold the evaluations, and serves them', async () => {
    const dir = dirs.make();
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const readModels = new ReadModelStore(join(dir, 'read-models.sqlite'));
    try {
      const { position: head } = await store.append(
        'case-T',
        NO_STREAM,
        [...childT, ...T_EVALUATIONS].map((e) => sampleEvent(e.type, e.data)),
      );
      const run = async (projection: typeof reportingProjection) => {
        const runner = new ProjectionRunner(store, readModels, [projection], { idleWaitMs: 10 });
        runner.start();
        await waitUntil(
          () => readModels.active('reporting')?.version === BigInt(projection.version),
        );
        expect(await runner.waitForPosition(head, 5_000)).toBe(true);
        return runner;
      };
      await (await run({ ...reportingProjection, version: 1 })).stop();
      // What version 1 left: the same tables but the evaluations.
      readModels.db.exec('DROP VIEW report_evaluations; DROP TABLE report_evaluations__g1');

      const runner = await run(reportingProjection);
      try {
        expect(readModels.active('reporting')?.generation).toBe(2n);
        const grades = readModels.db
          .prepare('SELECT evaluator, grade FROM report_evaluations ORDER BY seq')
          .all();
        expect(grades).toEqual([
          { evaluator: 'INTERNAL', grade: 'ADEQUATE' },
          { evaluator: 'OFSTED', grade: 'GOOD' },
        ]);
      } finally {
        await runner.stop();
      }
    } finally {
      readModels.close();
      await store.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Row = Record<string, unknown>;

/**
 * The streams' events interleaved one by one in a global log, as several writers would leave
 * them; a stream's third element gives, by index, the day the board knew an event entered late.
 */
function inLog(
  ...streams: Array<[caseId: string, events: CaseEvent[], knownOn?: Record<number, string>]>
): StoredEvent[] {
  const log: StoredEvent[] = [];
  const longest = Math.max(...streams.map(([, events]) => events.length));
  for (let i = 0; i < longest; i++) {
    for (const [caseId, events, knownOn = {}] of streams) {
      const event = events[i];
      if (!event) continue;
      log.push({
        eventId: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: sampleMetadata(knownOn[i] ? { knownOn: knownOn[i] } : {}),
        streamId: `case-${caseId}`,
        version: BigInt(i + 1),
        position: BigInt(log.length + 1),
        recordedAt: '2024-01-01T00:00:00.000Z',
        prevHash: '',
        hash: '',
      });
    }
  }
  return log;
}
