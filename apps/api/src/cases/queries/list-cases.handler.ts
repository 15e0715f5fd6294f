import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModelStore } from '@casetrail/projections';
import { Clock } from '../../infrastructure/clock';
import { BREACHED, SUMMARY_COLUMNS, type SummaryRow, toSummary } from './case-views';
import { type CaseFilters, type CasePage, ListCases } from './list-cases.query';

@QueryHandler(ListCases)
export class ListCasesHandler implements IQueryHandler<ListCases, CasePage> {
  constructor(
    private readonly readModels: ReadModelStore,
    private readonly clock: Clock,
  ) {}

  async execute({ filters, page, pageSize }: ListCases): Promise<CasePage> {
    const today = this.clock.today();
    const where = whereClause(filters);
    const params = { ...filters, today, limit: pageSize, offset: (page - 1) * pageSize };
    const db = this.readModels;
    const counted = db.prepared(COUNTS_KEPT).get() !== undefined;
    const { total } = db.prepared(totalQuery(filters, where, counted)).get(params) as {
      total: bigint;
    };
    const rows = db.rows<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM cases c ${where} ORDER BY c.referred_on DESC, c.case_id LIMIT +@limit OFFSET +@offset`,
      params,
    );
    return {
      items: rows.map((row) => toSummary(row, today)),
      page,
      pageSize,
      total: Number(total),
    };
  }
}

/**
 * Whether the case_status generation being served keeps counts: one from before version 2 goes
 * on serving while its replacement is rebuilt at start-up, and has none.
 */
const COUNTS_KEPT = "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'case_counts'";

/**
 * The number of matching cases. Stage, status and regime alone are answered from the counts the
 * projection keeps, which have those columns under the same names (`c.stage = @stage`, …);
 * counting every case cost a millisecond per page at 100k cases.
 */
function totalQuery(f: CaseFilters, where: string, counted: boolean): string {
  const countable = (key: string) => key === 'stage' || key === 'status' || key === 'regime';
  const fromCounts =
    counted && Object.entries(f).every(([key, value]) => value === undefined || countable(key));
  return fromCounts
    ? `SELECT coalesce(sum(n), 0) AS total FROM case_counts c ${where}`
    : `SELECT count(*) AS total FROM cases c ${where}`;
}

/** Only conditions for the filters given; values stay bound parameters, never spliced in. */
function whereClause(f: CaseFilters): string {
  const conditions = [
    f.stage !== undefined && 'c.stage = @stage',
    f.status !== undefined && 'c.status = @status',
    f.regime !== undefined && 'c.regime = @regime',
    f.agency !== undefined &&
      'EXISTS (SELECT 1 FROM case_agencies a WHERE a.case_id = c.case_id AND a.agency = @agency COLLATE NOCASE)',
    f.theme !== undefined &&
      'EXISTS (SELECT 1 FROM case_themes h WHERE h.case_id = c.case_id AND h.theme = @theme)',
    f.clockBreached !== undefined &&
      `${f.clockBreached ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.case_id AND ${BREACHED})`,
  ].filter((c): c is string => typeof c === 'string');
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
