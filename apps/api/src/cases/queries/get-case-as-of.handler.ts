import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CaseEventLog } from '../../audit/case-event-log';
import { ResourceNotFound } from '../../http/problem-details';
import { type CaseAsOfDetail, caseAsOf } from './case-as-of';
import { GetCaseAsOf } from './get-case-as-of.query';

/**
 * A case before it was referred, or before the board knew of it, did not exist as of that date:
 * that is a 404 whose detail says so, told apart from an id that never existed.
 */
@QueryHandler(GetCaseAsOf)
export class GetCaseAsOfHandler implements IQueryHandler<GetCaseAsOf, CaseAsOfDetail> {
  constructor(private readonly log: CaseEventLog) {}

  async execute({ caseId, asOf, mode }: GetCaseAsOf): Promise<CaseAsOfDetail> {
    const streams = await this.log.read(caseId);
    if (streams.caseEvents.length === 0) throw new ResourceNotFound(`No case ${caseId}`);
    const view = caseAsOf(streams, asOf, mode);
    if (view) return view;
    throw new ResourceNotFound(
      mode === 'known'
        ? `Case ${caseId} was not yet known on ${asOf}: nothing about it had been recorded by then (mode=known)`
        : `Case ${caseId} had not been referred by ${asOf} (mode=effective)`,
    );
  }
}
