import { Injectable, type PipeTransform } from '@nestjs/common';
import { InvalidInput } from '../http/problem-details';

const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Case ids become stream names (`case-<id>`): only a safe, bounded alphabet is accepted. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CASE_ID.test(value))
      throw new InvalidInput([{ field: 'caseId', reason: 'must be 1-64 letters, digits or ._:-' }]);
    return value;
  }
}
