import type { BusinessDate } from '@casetrail/domain';
import { groupBy, latestBy, tally } from '../grouping';
import type { FamilyInvolvementFact, ReviewFact } from '../report-facts';

/**
 * The family involvement register (domain.md §6.7, Ofsted 004 §§136–147): each review with how
 * its family took part, record by record. Ofsted found a third of reviews silent on it, so a
 * review with nothing recorded comes first. Pure.
 */

export const NONE_RECORDED = 'NONE_RECORDED';

/**
 * How a family took part by `end`, from one case's records: CONTRIBUTED if anyone contributed;
 * else the last thing recorded (of two on one day, the later in the stream); else NONE_RECORDED.
 */
export function familyInvolvementOf(records: FamilyInvolvementFact[], end: BusinessDate): string {
  const byEnd = records.filter((f) => f.recordedOn <= end);
  if (byEnd.some((f) => f.involvement === 'CONTRIBUTED')) return 'CONTRIBUTED';
  return latestBy(byEnd, (f) => f.recordedOn)?.involvement ?? NONE_RECORDED;
}

export interface FamilyRegisterEntry {
  caseId: string;
  caseRef: string;
  reviewId: string;
  reviewType: string;
  commissionedOn: BusinessDate;
  signedOffOn: BusinessDate | null;
  involvement: string;
  records: Omit<FamilyInvolvementFact, 'caseId' | 'seq'>[];
}

export interface FamilyRegister {
  reviews: number;
  byInvolvement: Record<string, number>;
  items: FamilyRegisterEntry[];
}

/** Reviews with nothing recorded first, then by how they stand, the oldest review first. */
export function buildFamilyRegister(
  asOf: BusinessDate,
  reviews: (ReviewFact & { caseRef: string })[],
  records: FamilyInvolvementFact[],
  involvements: readonly string[],
): FamilyRegister {
  const recordsOf = groupBy(records, (f) => f.caseId);
  const order = [NONE_RECORDED, ...involvements];
  const items = reviews
    .map((r): FamilyRegisterEntry => {
      const own = (recordsOf.get(r.caseId) ?? []).sort((a, b) => a.seq - b.seq);
      return {
        caseId: r.caseId,
        caseRef: r.caseRef,
        reviewId: r.reviewId,
        reviewType: r.reviewType,
        commissionedOn: r.commissionedOn,
        signedOffOn: r.signedOffOn,
        involvement: familyInvolvementOf(own, asOf),
        records: own.map(({ caseId: _c, seq: _s, ...record }) => record),
      };
    })
    .sort(
      (a, b) =>
        order.indexOf(a.involvement) - order.indexOf(b.involvement) ||
        a.commissionedOn.localeCompare(b.commissionedOn) ||
        a.caseId.localeCompare(b.caseId),
    );
  const byInvolvement = tally(
    items.map((item) => item.involvement),
    order,
  );
  return { reviews: items.length, byInvolvement, items };
}
