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
    const { total } = db.prepared(totalQuery(filters, where)).get(params) as { total: bigint };
    const rows = db
      .prepared(
        `SELECT ${SUMMARY_COLUMNS} FROM cases c ${where} ORDER BY c.referred_on DESC, c.case_id LIMIT @limit OFFSET @offset`,
      )
      .all(params) as SummaryRow[];
    return {
      items: rows.map((row) => toSummary(row, today)),
      page,
      pageSize,
      total: Number(total),
    };
  }
}

/**
 * The number of matching cases. Stage, status and regime alone are answered from the counts the
 * projection keeps; counting every case cost a millisecond per page at 100k cases.
 */
function totalQuery(f: CaseFilters, where: string): string {
  const counted = (key: string) => key === 'stage' || key === 'status' || key === 'regime';
  if (Object.entries(f).some(([key, value]) => value !== undefined && !counted(key))) {
    return `SELECT count(*) AS total FROM cases c ${where}`;
  }
  const conditions = [
    f.stage !== undefined && 'stage = @stage',
    f.status !== undefined && 'status = @status',
    f.regime !== undefined && 'regime = @regime',
  ].filter((c): c is string => typeof c === 'string');
  const only = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT coalesce(sum(n), 0) AS total FROM case_counts ${only}`;
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
