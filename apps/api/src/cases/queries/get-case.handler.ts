import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModelStore } from '@casetrail/projections';
import { ResourceNotFound } from '../../http/problem-details';
import { Clock } from '../../infrastructure/clock';
import { CASE_COLUMNS, type CaseDetail, type CaseRow, type ClockRow, toDetail } from './case-views';
import { GetCase } from './get-case.query';

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseDetail> {
  constructor(
    private readonly readModels: ReadModelStore,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId }: GetCase): Promise<CaseDetail> {
    const today = this.clock.today();
    const db = this.readModels;
    const row = db
      .prepared(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.case_id = @caseId`)
      .get({ caseId, today }) as CaseRow | undefined;
    if (!row) throw new ResourceNotFound(`No case ${caseId}`);
    const clocks = db
      .prepared('SELECT * FROM case_clocks WHERE case_id = ? ORDER BY due_on, clock')
      .all(caseId) as ClockRow[];
    return toDetail(row, clocks, today);
  }
}
