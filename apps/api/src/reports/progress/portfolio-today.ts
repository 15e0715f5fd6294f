import { Inject, Injectable } from '@nestjs/common';
import { type BusinessDate, daysBetween, type DerivedRag, rollUpRag } from '@casetrail/domain';
import { type CellGroup, DATED_OPEN, ReadModelStore } from '@casetrail/projections';
import {
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
   */
  read(date: BusinessDate, page: number, pageSize: number): Today | undefined {
    // One read transaction, so the cells, the ranking and the oldest agree with one another.
    return this.readModels.db.transaction(() => {
      const { last_day: lastDay } = this.row<{ last_day: string }>(
        'SELECT last_day FROM portfolio_meta',
      )!;
      if (lastDay > date) return undefined;
      const totals = new PortfolioTotals(false);
      this.themesInOrder().forEach((theme) => totals.theme(theme));
      const reviewRag = countRags([]);
      let total = 0;
      for (const cell of this.readModels.rows<CellRow>(
        'SELECT grp, name, kind, lead, due, n FROM portfolio_cells',
      )) {
        const n = Number(cell.n);
        if (cell.grp === 'reviews') {
          const rag = onDate(nullable(cell.kind), cell.due, date);
          if (rag) reviewRag[rag] += n;
          total += n;
        } else if (cell.grp === 'recommendations') {
          const [scope, status, rag] = cell.kind.split('|') as [string, string, string];
          const planned = status === 'PLANNED';
          totals.recommendations.add(
            {
              scope,
              status: status as RecommendationStatus,
              rag: planned ? onDate(nullable(rag), cell.due, date) : nullable(rag),
            },
            n,
          );
        } else {
          countActions(groupOf(totals, cell.grp as ActionGroup, cell.name), cell, n, date);
        }
      }
      for (const [group, name] of this.groupsWithOpenActions()) {
        const oldest = this.oldestOpen(group, name);
        if (oldest && oldest.due < date) {
          groupOf(totals, group, name).tally.consider({
            actionId: oldest.action_id,
            caseId: oldest.case_id,
            daysOverdue: daysBetween(oldest.due, date),
            currentDueDate: oldest.due,
          });
        }
      }
      const pageIds = this.page(date, reviewRag, total, (page - 1) * pageSize, pageSize);
      return { totals, ranking: { total, reviewRag, pageIds } };
    })();
  }

  private row<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.readModels.rows<T>(sql, ...params)[0];
  }

  /** As the report meets them: by the first case (in id order) and the place within it. */
  private themesInOrder(): string[] {
    return this.readModels
      .rows<{ theme: string }>(
        `SELECT theme FROM portfolio_themes t
         WHERE case_id = (SELECT min(case_id) FROM portfolio_themes WHERE theme = t.theme)
         ORDER BY case_id, ord`,
      )
      .map((r) => r.theme);
  }

  private groupsWithOpenActions(): [ActionGroup, string][] {
    return this.readModels
      .rows<{ grp: ActionGroup; name: string }>(
        `SELECT DISTINCT grp, name FROM portfolio_cells WHERE due <> '' AND grp NOT IN ('reviews', 'recommendations')`,
      )
      .map((r) => [r.grp, r.name]);
  }

  /** The open action due first (of several due that day, the first by id as the report orders them). */
  private oldestOpen(group: string, name: string): OpenRow | undefined {
    const first = this.readModels.rows<OpenRow>(
      `SELECT due, action_id, case_id FROM portfolio_open
       WHERE grp = @group AND name = @name
         AND due = (SELECT min(due) FROM portfolio_open WHERE grp = @group AND name = @name)`,
      { group, name },
    );
    return first.sort((a, b) => a.action_id.localeCompare(b.action_id))[0];
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

interface CellRow {
  grp: CellGroup;
  name: string;
  kind: string;
  lead: string;
  due: string;
  n: bigint;
}

interface OpenRow {
  due: string;
  action_id: string;
  case_id: string;
}

const nullable = (rag: string) => (rag === '' ? null : (rag as DerivedRag));

/** A roll-up on the date: RED once the earliest open due date has passed (§6.0 step 4). */
const onDate = (rag: DerivedRag | null, due: string, date: BusinessDate) =>
  due !== '' && due < date ? rollUpRag([{ rag }, { rag: 'RED' }]) : rag;

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

function groupOf(totals: PortfolioTotals, group: ActionGroup, name: string): GroupTotals {
  if (group === 'all') return totals.all;
  if (group === 'agency') return totals.agency(name);
  if (group === 'body') return totals.body(name);
  return totals.theme(name);
}

function countActions(totals: GroupTotals, cell: CellRow, n: number, date: BusinessDate): void {
  if (cell.kind === 'UNPLANNED') return totals.addUnplanned(n);
  if (cell.kind === 'RECOMMENDATIONS' || cell.kind === 'REVIEWS') {
    const theme = totals as ThemeTotals;
    if (cell.kind === 'RECOMMENDATIONS') theme.recommendations += n;
    else theme.reviews += n;
    return;
  }
  const [status, subStatus, impact, rag] = cell.kind.split('|') as [string, string, string, string];
  const overdue = DATED_OPEN.has(status) && cell.due < date;
  totals.count(
    {
      status: overdue ? 'OVERDUE' : status,
      rag: overdue ? 'RED' : nullable(rag),
      subStatus: subStatus || undefined,
      impact: impact || undefined,
    },
    n,
    cell.lead,
  );
}
