import { join } from 'node:path';
import { addDays, type BusinessDate } from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import { sampleEvent, sampleMetadata } from '@casetrail/event-store/testing/sample-events';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import {
  actionPlansProjection,
  portfolioProjection,
  type Projection,
  ReadModelStore,
  reportingProjection,
} from '@casetrail/projections';
import { type AsOfMode, ActionViews } from '../../action-plans/queries/action-views';
import { buildRecommendationRegister } from '../registers/recommendation-register';
import { ReportFacts } from '../report-facts';
import { PortfolioToday } from './portfolio-today';
import { drawReviews, type ProgressReport, ProgressPortfolio } from './progress-report';

/**
 * The totals the portfolio projection keeps must give, on any date after the last fact, the
 * report that counting every case's facts gives (the path every earlier date still takes).
 * Both are drawn from seeded random histories: actions re-dated, returned, handed over,
 * withdrawn, entered out of order and known late; recommendations unplanned, closed, themed.
 */

const dirs = temporaryDirectories('casetrail-portfolio-');
afterAll(() => dirs.cleanup());

// The portfolio first, so the failing event of a batch reaches it.
const PROJECTIONS: Projection[] = [portfolioProjection, actionPlansProjection, reportingProjection];
const AGENCIES = ['Police', 'Health', "Children's Social Care", 'Education'];
const THEMES = ['NEGLECT', 'DOMESTIC_ABUSE', 'ASSESSMENT'];
const LEADS = ['Ann Lee', 'Bo Chan', 'Cy Dunn'];

/** A deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
    some: <T>(items: readonly T[]) => items.filter(() => next() < 0.4),
  };
}

interface Fact {
  type: string;
  data: Record<string, unknown>;
  knownOn?: BusinessDate;
}

/** A log of `cases` cases, each stream in order, the streams interleaved at random. */
function history(seed: number, cases: number): StoredEvent[] {
  const r = random(seed);
  const day = (from: BusinessDate, upTo: number) => addDays(from, r.int(upTo));
  const streams: [string, Fact[]][] = [];
  for (let c = 0; c < cases; c++) {
    const caseId = `C${String(c).padStart(3, '0')}`;
    const referred = day('2020-01-01', 700);
    const caseFacts: Fact[] = [];
    if (r.chance(0.9)) {
      caseFacts.push({
        type: 'CaseReferred',
        data: { occurredOn: referred, caseId, subjects: [] },
      });
    }
    const recommendationIds: string[] = [];
    for (let i = 0; i < r.int(5); i++) {
      const recommendationId = `${caseId}-R${i}`;
      recommendationIds.push(recommendationId);
      caseFacts.push({
        type: 'RecommendationAdded',
        data: {
          occurredOn: day(referred, 200),
          recommendationId,
          number: String(i + 1),
          text: 'Learn',
          source: 'OVERVIEW_REPORT',
          scope: r.pick(['MULTI_AGENCY', 'SINGLE_AGENCY', 'NATIONAL']),
          addressedTo: r.pick(AGENCIES),
          themes: r.some(THEMES),
        },
        ...(r.chance(0.2) && { knownOn: day('2024-01-01', 300) }),
      });
      if (r.chance(0.15)) {
        caseFacts.push({
          type: 'RecommendationClosedWithoutAction',
          data: { occurredOn: day(referred, 500), recommendationId, reason: 'Superseded' },
        });
      }
    }
    streams.push([`case-${caseId}`, caseFacts]);
    for (let a = 0; a < r.int(6); a++) {
      streams.push([
        `action-${caseId}-A${a}`,
        actionFacts(r, caseId, `${caseId}-A${a}`, [...recommendationIds, 'elsewhere']),
      ]);
    }
  }
  const log: StoredEvent[] = [];
  const versions = new Map<string, number>();
  while (streams.some(([, facts]) => facts.length > 0)) {
    const [streamId, facts] = r.pick(streams.filter(([, f]) => f.length > 0));
    const { type, data, knownOn } = facts.shift()!;
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    log.push({
      ...sampleEvent(type, data),
      metadata: sampleMetadata(knownOn ? { knownOn } : {}),
      streamId,
      version: BigInt(version),
      position: BigInt(log.length + 1),
      recordedAt: '2024-12-31T12:00:00.000Z',
      prevHash: '',
      hash: '',
    });
  }
  return log;
}

function actionFacts(
  r: ReturnType<typeof random>,
  caseId: string,
  actionId: string,
  recommendationIds: string[],
): Fact[] {
  let on = addDays('2020-06-01', r.int(900));
  const later = () => (on = addDays(on, r.int(90)));
  // Now and then a fact dated before the one entered ahead of it.
  const dated = () => (r.chance(0.1) ? addDays(on, -r.int(60)) : later());
  const scheduled = r.chance(0.8);
  const facts: Fact[] = [
    {
      type: 'ActionPlanned',
      data: {
        occurredOn: on,
        actionId,
        caseId,
        recommendationIds: r.some(recommendationIds),
        actionText: 'Act',
        lead: { displayText: r.pick(LEADS), persons: [] },
        agency: r.pick(AGENCIES),
        monitoringBody: r.pick(['EXECUTIVE', 'PAQA']),
        timescaleText: 'Soon',
        dueDatePrecision: 'DAY',
        ...(scheduled && { dueDate: addDays(on, r.int(2500)) }),
      },
    },
  ];
  let completed = false;
  for (let i = 0; i < r.int(7); i++) {
    const step = r.int(9) % 8; // progress twice as often as the rest
    const knownOn = r.chance(0.15) ? addDays('2024-06-01', r.int(200)) : undefined;
    const fact = (type: string, data: Record<string, unknown> = {}) =>
      facts.push({ type, data: { occurredOn: dated(), ...data }, ...(knownOn && { knownOn }) });
    if (step === 0)
      fact('ActionProgressRecorded', {
        progressId: `p${i}`,
        reportedBy: 'x',
        narrative: 'n',
        rag: r.pick(['GREEN', 'AMBER', 'RED']),
      });
    if (step === 1)
      fact('ActionDueDateChanged', {
        toDate: addDays(on, r.int(1200) - 200),
        reason: 'r',
        approvedBy: { name: 'c', role: 'Chair' },
      });
    if (step === 2) fact('ActionDueDateSet', { dueDate: addDays(on, r.int(900)), reason: 'r' });
    if (step === 3)
      fact('ActionLeadChanged', {
        toLead: { displayText: r.pick(LEADS), persons: [] },
        reason: 'left',
      });
    if (step === 4 && !completed) {
      completed = true;
      fact('ActionCompleted', { completedBy: 'x', summary: 'done', evidence: [] });
    }
    if (step === 5 && completed)
      fact('ActionCompletionSignedOff', {
        body: 'PAQA',
        chair: { name: 'c', role: 'Chair' },
        impactAssessment: r.pick(['IMPACT_EVIDENCED', 'OUTPUT_ONLY', 'NOT_YET_MEASURABLE']),
      });
    if (step === 6 && completed) {
      completed = false;
      fact('ActionCompletionReturned', { reason: 'not enough' });
    }
    if (step === 7 && r.chance(0.3)) {
      fact(r.chance(0.5) ? 'ActionCancelled' : 'ActionSuperseded', {
        reason: 'r',
        supersededByActionId: 'other',
      });
      break;
    }
  }
  return facts;
}

/** Every projection the two paths read, fed in batches of random size, as the runner would. */
function readModelsOf(
  log: StoredEvent[],
  seed: number,
  { twice = false, poisonEvery = 0 } = {},
): ReadModelStore {
  const readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
  const handlers = PROJECTIONS.map((projection) => {
    const generation = readModels.createGeneration(projection);
    readModels.activate(projection, generation);
    const t = ReadModelStore.tableNames(projection, generation);
    return { projection, handle: projection.bind(readModels.db, t) };
  });
  const apply = (batch: StoredEvent[]) =>
    readModels.db.transaction(() => {
      for (const { projection, handle } of handlers) {
        const handles = projection.handles;
        batch.filter((e) => handles === 'all' || handles.includes(e.type)).forEach(handle);
        handle.endBatch?.();
      }
    })();
  const r = random(seed);
  for (let i = 0, n = 0; i < log.length; n++) {
    let batch = log.slice(i, i + 1 + r.int(40));
    if (poisonEvery > 0 && n % poisonEvery === 0 && batch.length > 1) {
      // The batch fails partway and is rolled back. The runner applies again what came before
      // the failure, or less when a case stops it at its first event: here, half of it.
      expect(() => apply([...batch, poisoned(batch.at(-1)!)])).toThrow('poison');
      batch = batch.slice(0, batch.length >> 1);
    }
    i += batch.length;
    if (twice) batch.flatMap((e) => [e, e]).forEach((e) => apply([e]));
    else apply(batch);
    // Nothing from past the part applied, such as what the failed attempt had folded.
    expect(lastPositionHeld(readModels)).toBeLessThanOrEqual(log[i - 1]!.position);
  }
  return readModels;
}

const lastPositionHeld = (readModels: ReadModelStore) =>
  (
    readModels.db
      .prepare(
        `SELECT max((SELECT max(last_position) FROM portfolio_actions),
           (SELECT max(last_position) FROM portfolio_case_facts)) AS position`,
      )
      .get() as { position: bigint }
  ).position;

/** An action fact that throws when read, after the same stream's last event. */
const poisoned = (after: StoredEvent): StoredEvent => ({
  ...after,
  streamId: 'action-C000-A0',
  type: 'ActionProgressRecorded',
  position: after.position + 1n,
  version: 999n,
  data: new Proxy(
    {},
    {
      get: () => {
        throw new Error('poison');
      },
    },
  ),
});

/** What the portfolio projection holds, in a fixed order. */
function portfolioTables(readModels: ReadModelStore) {
  const all = (table: string) =>
    readModels.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();
  return Object.fromEntries(
    ['portfolio_cells', 'portfolio_due', 'portfolio_open', 'portfolio_reviews', 'portfolio_themes'].map((table) => [
      table,
      all(table),
    ]),
  );
}

function countedFromFacts(
  readModels: ReadModelStore,
  date: BusinessDate,
  mode: AsOfMode,
  page: number,
  pageSize: number,
): ProgressReport {
  const facts = new ReportFacts(readModels, new ActionViews(readModels));
  const portfolio = new ProgressPortfolio({ numbered: false });
  portfolio.add(facts.forProgressTotals(date, mode, facts.progressCases()));
  return portfolio.report({ page, pageSize }, (ids) => facts.forProgress(date, mode, ids));
}

function keptByProjection(
  readModels: ReadModelStore,
  date: BusinessDate,
  mode: AsOfMode,
  page: number,
  pageSize: number,
): ProgressReport | undefined {
  const facts = new ReportFacts(readModels, new ActionViews(readModels));
  const today = new PortfolioToday(readModels).read(date, page, pageSize);
  return (
    today &&
    today.totals.report(
      today.ranking,
      drawReviews(today.ranking.pageIds, (ids) => facts.forProgress(date, mode, ids)),
    )
  );
}

const lastDayOf = (readModels: ReadModelStore) =>
  (readModels.db.prepare('SELECT last_day FROM portfolio_meta').get() as { last_day: string })
    .last_day;

describe.each([1, 2, 3, 4])('the portfolio kept by the projection (seed %i)', (seed) => {
  let readModels: ReadModelStore;
  let lastDay: BusinessDate;
  beforeAll(() => {
    readModels = readModelsOf(history(seed, 100), seed);
    lastDay = lastDayOf(readModels);
  });
  afterAll(() => readModels.close());

  it('is the last day any counted fact happened or became known', () => {
    expect(lastDay).toBe('2024-12-31');
  });

  it.each([0, 1, 90, 400, 2000])(
    'gives the report counted from the facts, %i days after the last fact',
    (after) => {
      const date = addDays(lastDay, after);
      for (const mode of ['effective', 'known'] as const) {
        for (const [page, pageSize] of [
          [1, 5],
          [3, 7],
          [1, 1000],
        ]) {
          const kept = keptByProjection(readModels, date, mode, page!, pageSize!);
          expect(kept).toEqual(countedFromFacts(readModels, date, mode, page!, pageSize!));
        }
      }
    },
  );

  it('counts something in every part of the report, so the comparison means something', () => {
    const { summary, byAgency, byTheme } = countedFromFacts(readModels, lastDay, 'effective', 1, 5);
    const { actions, recommendations } = summary;
    expect([
      actions.overdue,
      actions.onTrack,
      actions.atRisk,
      actions.offTrack,
      actions.unscheduled,
    ]).not.toContain(0);
    expect([
      actions.complete,
      actions.signedOff,
      actions.withdrawn,
      actions.impactEvidenced + actions.outputOnly + actions.notYetMeasurable,
    ]).not.toContain(0);
    expect([
      recommendations.unplanned,
      recommendations.closedWithoutAction,
      recommendations.national,
    ]).not.toContain(0);
    expect(byAgency.some((a) => a.leadsWithMoreThanOneOverdue.length > 0)).toBe(true);
    expect(byTheme.map((t) => t.theme)).toContain('NOT_THEMED');
    expect(summary.reviewRag.RED * summary.reviewRag.GREEN).toBeGreaterThan(0);
  });

  it('holds the same whether each event came twice, or batches were rolled back and applied again', () => {
    const log = history(seed, 100);
    const expected = portfolioTables(readModels);
    for (const options of [{ twice: true }, { poisonEvery: 3 }]) {
      const again = readModelsOf(log, seed, options);
      expect(portfolioTables(again)).toEqual(expected);
      again.close();
    }
  });

  it('declines a date before the last fact, which only the facts can answer', () => {
    expect(keptByProjection(readModels, addDays(lastDay, -1), 'effective', 1, 5)).toBeUndefined();
  });
});

describe('the portfolio before its projection is first built', () => {
  it('leaves the report to the facts, rather than failing it', () => {
    const readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
    expect(new PortfolioToday(readModels).read('2026-11-23', 1, 20)).toBeUndefined();
    readModels.close();
  });
});

/*
 * The unplanned and repeated recommendations register reads, as effective, only the cases with
 * a recommendation no live action answers (ReportFacts.recommendationRegister). Over the same
 * random histories it must give what reading every case's actions gives.
 */
describe.each([1, 2, 3])('the recommendation register’s cases to look into (seed %i)', (seed) => {
  let readModels: ReadModelStore;
  beforeAll(() => (readModels = readModelsOf(history(seed, 100), seed)));
  afterAll(() => readModels.close());

  it.each(['2021-06-30', '2022-12-31', '2024-12-31'])(
    'lists on %s what every case’s actions give',
    (date) => {
      const facts = new ReportFacts(readModels, new ActionViews(readModels));
      const request = { page: 1, pageSize: 1_000 };
      const every = facts.asOf(date, 'effective');
      const refs = new Map(every.referrals.map((r) => [r.caseId, r.caseRef]));
      const full = buildRecommendationRegister(
        date,
        every.recommendations.map((r) => ({ ...r, caseRef: refs.get(r.caseId) ?? r.caseId })),
        every.actions,
        request,
      );
      const looked = facts.recommendationRegister(date, 'effective');
      expect(
        buildRecommendationRegister(date, looked.recommendations, looked.actions, request),
      ).toEqual(full);
      // The shortcut left cases out, and what it kept still has something to list.
      expect(looked.recommendations.length).toBeLessThan(every.recommendations.length);
      expect(full.unplanned).toBeGreaterThan(0);
    },
  );
});
