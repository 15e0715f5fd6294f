import { Query } from '@nestjs/cqrs';
import type { CaseDetail } from './case-views';

export class GetCase extends Query<CaseDetail> {
  constructor(readonly caseId: string) {
    super();
  }
}
