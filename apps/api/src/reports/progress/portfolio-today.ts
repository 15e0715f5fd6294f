import { Inject, Injectable } from '@nestjs/common';
import { type BusinessDate, daysBetween, type DerivedRag, rollUpRag } from '@casetrail/domain';
import { type CellGroup, portfolioProjection, ReadModelStore } from '@casetrail/projections';
import {
  binary,
  countRags,
  type GroupTotals,
  PortfolioTotals,
  RAGS,
  type RecommendationStatus,
  type ReviewRanking,
  type ThemeTotals,
} from './progress-report';

/**
 * The progress report's totals on a date after the last fact, read from the cells the
 * portfolio projection keeps (`caseContribution`): a few thousand rows at national scale,
 * where deriving every action again read 66,000 and took a second. Each cell's standing is
 * turned into the status on the date by the one rule that still depends on it, §6.0 step 4:
 * an open action is OVERDUE after its due date.
 */
@Injectable()
export class PortfolioToday {
  constructor(@Inject(ReadModelStore) private readonly readModels: ReadModelStore) {}

  /**
   * The totals and the page of reviews, or undefined when the date is before the last fact
   * (or a fact became known after it): the cells then do not hold what stood on that date.
   * Undefined too while the projection is first built, so the report is slower, not missing.
   */
  read(date: BusinessDate, page: number, pageSize: number): Today | undefined {
    // One read transaction, so the cells, the ranking and the oldest agree with one another.
    return this.readModels.db.transaction(() => {
      if (!this.readModels.active(portfolioProjection.name)) return undefined;
      const { last_day: lastDay } = this.row<{ last_day: string }>(
        'SELECT last_day FROM portfolio_meta',
      )!;
      if (lastDay > date) return undefined;
      const cells = this.cellsOn(date);
      const totals = new PortfolioTotals(false);
      const themes = cells.filter((c) => c.grp === 'theme').map((c) => c.name);
      this.inOrderMet(themes).forEach((theme) => totals.theme(theme));
      const reviewRag = countRags([]);
      let total = 0;
      const overdueIn = new Map<string, [ActionGroup, string]>();
      for (const cell of cells) {
        const [n, passed] = [Number(cell.n), Number(cell.passed)];
        // Each cell counts twice: what is due by the date, and the rest.
        const split = (count: (n: number, passed: boolean) => void) => {
          if (passed > 0) count(passed, true);
          if (n > passed) count(n - passed, false);
        };
        if (cell.grp === 'reviews') {
          split((n, passed) => {
            const rag = onDate(nullable(cell.kind), passed);
            if (rag) reviewRag[rag] += n;
            total += n;
          });
        } else if (cell.grp === 'recommendations') {
          const [scope, status, rag] = cell.kind.split('|') as [
            string,
            RecommendationStatus,
            string,
          ];
          split((n, passed) =>
            totals.recommendations.add({ scope, status, rag: onDate(nullable(rag), passed) }, n),
          );
        } else {
          const group = groupOf(totals, cell.grp, cell.name);
          split((n, passed) => countActions(group, cell, n, passed));
          if (passed > 0) overdueIn.set(`${cell.grp} ${cell.name}`, [cell.grp, cell.name]);
        }
      }
      for (const [group, name] of overdueIn.values()) {
        const oldest = this.oldestOpen(group, name);
        groupOf(totals, group, name).tally.consider({
          actionId: oldest.action_id,
          caseId: oldest.case_id,
          daysOverdue: daysBetween(oldest.due, date),
          currentDueDate: oldest.due,
        });
      }
      const pageIds = this.page(date, reviewRag, total, (page - 1) * pageSize, pageSize);
      return { totals, ranking: { total, reviewRag, pageIds } };
    })();
  }

  /**
   * The cells with how many of each were due before the date: every dated one but those due on
   * or after it, which are few (the rest of the due dates have passed).
   */
  private cellsOn(date: BusinessDate): CellOnDate[] {
    const key = (c: { grp: string; name: string; kind: string; lead: string }) =>
      JSON.stringify([c.grp, c.name, c.kind, c.lead]);
    const notYet = new Map(
      this.readModels
        .rows<CellOnDate & { later: bigint }>(
          `SELECT grp, name, kind, lead, sum(n) AS later FROM portfolio_due
           WHERE due >= @date GROUP BY grp, name, kind, lead`,
          { date },
        )
        .map((c) => [key(c), c.later]),
    );
    return this.readModels
      .rows<CellOnDate & { dated: bigint }>(
        'SELECT grp, name, kind, lead, n, dated FROM portfolio_cells',
      )
      .map((c) => ({ ...c, passed: c.dated - (notYet.get(key(c)) ?? 0n) }));
  }

  private row<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.readModels.rows<T>(sql, ...params)[0];
  }

  /** As the report meets them: by the first case (in id order) and the place within it. */
  private inOrderMet(themes: string[]): string[] {
    const firstMet = new Map(
      [...new Set(themes)].map((theme) => {
        const first = this.row<{ case_id: string; ord: bigint }>(
          'SELECT case_id, ord FROM portfolio_themes WHERE theme = ? ORDER BY case_id LIMIT 1',
          theme,
        )!;
        return [theme, first];
      }),
    );
    return [...firstMet]
      .sort(([, a], [, b]) => binary(a.case_id, b.case_id) || Number(a.ord) - Number(b.ord))
      .map(([theme]) => theme);
  }

  /** The open action due first (of several due that day, the first by id as the report orders them). */
  private oldestOpen(group: string, name: string): OpenRow {
    const first = this.readModels.rows<OpenRow>(
      `SELECT due, action_id, case_id FROM portfolio_open
       WHERE grp = @group AND name = @name
         AND due = (SELECT min(due) FROM portfolio_open WHERE grp = @group AND name = @name)`,
      { group, name },
    );
    return first.sort((a, b) => a.action_id.localeCompare(b.action_id))[0]!;
  }

  /** The reviews of the page, worst first and then by case id, as many as each RAG needs. */
  private page(
    date: BusinessDate,
    counts: Record<DerivedRag, number>,
    total: number,
    offset: number,
    limit: number,
  ): string[] {
    const ids: string[] = [];
    let start = 0;
    for (const rag of [...RAGS, null]) {
      const count = rag ? counts[rag] : total - RAGS.reduce((sum, r) => sum + counts[r], 0);
      const from = Math.max(offset, start);
      const until = Math.min(offset + limit, start + count);
      if (from < until) {
        ids.push(
          ...this.readModels
            .rows<{ case_id: string }>(
              `SELECT case_id FROM portfolio_reviews WHERE ${RAG_ON_DATE[rag ?? 'NONE']}
               ORDER BY case_id LIMIT +@limit OFFSET +@offset`,
              { date, limit: until - from, offset: from - start },
            )
            .map((r) => r.case_id),
        );
      }
      start += count;
    }
    return ids;
  }
}

export interface Today {
  totals: PortfolioTotals;
  ranking: ReviewRanking;
}

type ActionGroup = Exclude<CellGroup, 'reviews' | 'recommendations'>;

/** Cells of one group, kind and lead, over every due date. */
interface CellOnDate {
  grp: CellGroup;
  name: string;
  kind: string;
  lead: string;
  n: bigint;
  /** How many of them had an open due date before the date. */
  passed: bigint;
}

interface OpenRow {
  due: string;
  action_id: string;
  case_id: string;
}

const nullable = (rag: string) => (rag === '' ? null : (rag as DerivedRag));

/** A roll-up on the date: RED once the earliest open due date has passed (§6.0 step 4). */
const onDate = (rag: DerivedRag | null, passed: boolean) =>
  passed ? rollUpRag([{ rag }, { rag: 'RED' }]) : rag;

const PASSED = `(due <> '' AND due < @date)`;
/** The same for the reviews table, for each RAG a review can have on the date. */
const RAG_ON_DATE: Record<DerivedRag | 'NONE', string> = {
  RED: `(rag = 'RED' OR (rag IN ('AMBER', 'GREEN') AND ${PASSED}))`,
  AMBER: `(rag = 'AMBER' AND NOT ${PASSED})`,
  GREEN: `(rag = 'GREEN' AND NOT ${PASSED})`,
  GREY: `rag = 'GREY'`,
  BLUE: `rag = 'BLUE'`,
  NONE: `rag = ''`,
};

function groupOf(totals: PortfolioTotals, group: CellGroup, name: string): GroupTotals {
  if (group === 'all') return totals.all;
  if (group === 'agency') return totals.agency(name);
  if (group === 'body') return totals.body(name);
  return totals.theme(name);
}

/** `n` of the cell's actions, `passed` if their due date is before the date asked about. */
function countActions(totals: GroupTotals, cell: CellOnDate, n: number, passed: boolean): void {
  if (cell.kind === 'UNPLANNED') return totals.addUnplanned(n);
  if (cell.kind === 'RECOMMENDATIONS' || cell.kind === 'REVIEWS') {
    const theme = totals as ThemeTotals;
    if (cell.kind === 'RECOMMENDATIONS') theme.recommendations += n;
    else theme.reviews += n;
    return;
  }
  const [status, subStatus, impact, rag] = cell.kind.split('|') as [string, string, string, string];
  // Only an open action has a due date the cells count as passed (§6.0 step 4).
  totals.count(
    {
      status: passed ? 'OVERDUE' : status,
      rag: passed ? 'RED' : nullable(rag),
      subStatus: subStatus || undefined,
      impact: impact || undefined,
    },
    n,
    cell.lead,
  );
}
