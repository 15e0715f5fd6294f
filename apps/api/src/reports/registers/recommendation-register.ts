import { type BusinessDate, daysBetween, type PriorRecommendation } from '@casetrail/domain';
import type { ActionView } from '../../action-plans/queries/action-views';
import { groupBy } from '../grouping';
import { type RecommendationStatus, standingOf } from '../progress/progress-report';
import { type RecommendationFact, recommendationKey } from '../report-facts';

/**
 * Unplanned and repeated recommendations (domain.md §6.7): each recommendation on record on a
 * date that no action answers, and each that repeats an earlier review's, with how that earlier
 * one stands when it is on record here. Ofsted's finding is "a failure to implement … rather than
 * an absence of the required framework" (004); 003 §23.2 repeats two reviews' recommendations
 * "to request that these are further progressed". Pure: drawn from facts read as of the date.
 */

export const RECOMMENDATION_KINDS = ['UNPLANNED', 'REPEATED'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export type RegisteredRecommendation = RecommendationFact & { caseRef: string };

/** How a recommendation stands on the date, and the actions answering it. */
export interface Standing {
  status: RecommendationStatus;
  /** Actions planned for it, not withdrawn. */
  actions: number;
  /** Of those, the ones complete (signed off or awaiting sign-off). */
  complete: number;
}

export interface RecommendationEntry extends Omit<RegisteredRecommendation, 'repeats'>, Standing {
  /** Days since it was added, while no action answers it. */
  daysUnplanned: number | null;
  repeats:
    | (PriorRecommendation & {
        /** The earlier recommendation as it stands on the date, if on record here by then. */
        earlier: (Standing & { caseRef: string; number: string; text: string }) | null;
      })
    | null;
}

export interface RecommendationRegister {
  /** Entries of the kind asked for (both kinds if none). */
  total: number;
  unplanned: number;
  repeated: number;
  /** Repeated and still unplanned: what the earlier review asked for, asked again and not begun. */
  repeatedAndUnplanned: number;
  /** One page: the unplanned first, longest waiting first; then the repeated, by case. */
  items: RecommendationEntry[];
}

export interface RegisterRequest {
  kind?: RecommendationKind;
  page: number;
  pageSize: number;
}

export function buildRecommendationRegister(
  asOf: BusinessDate,
  recommendations: readonly RegisteredRecommendation[],
  actions: readonly Pick<ActionView, 'caseId' | 'recommendationIds' | 'derived'>[],
  { kind, page, pageSize }: RegisterRequest,
): RecommendationRegister {
  const answering = groupBy(
    actions.flatMap((a) =>
      a.recommendationIds.map((id) => ({ key: recommendationKey(a.caseId, id), a })),
    ),
    ({ key }) => key,
  );
  const standing = (rec: RecommendationFact): Standing => {
    const found = (answering.get(recommendationKey(rec.caseId, rec.recommendationId)) ?? []).map(
      (x) => x.a,
    );
    const { status, counted } = standingOf(rec, found);
    const complete = counted.filter((a) => a.derived.status === 'COMPLETE').length;
    return { status, actions: counted.length, complete };
  };
  const byKey = new Map(
    recommendations.map((r) => [recommendationKey(r.caseId, r.recommendationId), r]),
  );
  const entries = recommendations.flatMap((rec): RecommendationEntry[] => {
    const own = standing(rec);
    if (own.status !== 'UNPLANNED' && !rec.repeats) return [];
    const { repeats } = rec;
    const earlier =
      repeats?.caseId && repeats.recommendationId
        ? byKey.get(recommendationKey(repeats.caseId, repeats.recommendationId))
        : undefined;
    return [
      {
        ...rec,
        ...own,
        daysUnplanned: own.status === 'UNPLANNED' ? daysBetween(rec.addedOn, asOf) : null,
        repeats: repeats && {
          ...repeats,
          earlier: earlier
            ? {
                caseRef: earlier.caseRef,
                number: earlier.number,
                text: earlier.text,
                ...standing(earlier),
              }
            : null,
        },
      },
    ];
  });
  const isUnplanned = (e: RecommendationEntry) => e.status === 'UNPLANNED';
  const isRepeated = (e: RecommendationEntry) => e.repeats !== null;
  const chosen = entries.filter((e) =>
    kind === 'UNPLANNED' ? isUnplanned(e) : kind === 'REPEATED' ? isRepeated(e) : true,
  );
  // A stable sort: within a case and a day, recommendations keep the order they were added in.
  const items = [...chosen]
    .sort(
      (a, b) =>
        Number(isUnplanned(b)) - Number(isUnplanned(a)) ||
        (isUnplanned(a) ? a.addedOn.localeCompare(b.addedOn) : 0) ||
        a.caseRef.localeCompare(b.caseRef),
    )
    .slice((page - 1) * pageSize, page * pageSize);
  return {
    total: chosen.length,
    unplanned: entries.filter(isUnplanned).length,
    repeated: entries.filter(isRepeated).length,
    repeatedAndUnplanned: entries.filter((e) => isUnplanned(e) && isRepeated(e)).length,
    items,
  };
}
