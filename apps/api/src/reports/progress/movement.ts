import type { BusinessDate, DerivedRag } from '@casetrail/domain';
import type { ActionLine, ReviewProgress } from './progress-report';

/**
 * "Movement since the last report" (domain.md §6.4): a review drawn on two dates, and what
 * changed between them. The Executive reads it beside the review: which actions were planned,
 * finished, signed off, slipped into overdue or were withdrawn since it last met.
 */
export interface ReviewMovement {
  since: BusinessDate;
  /** The review's figures on `since`; null if it had no recommendations or actions yet. */
  was: Pick<
    ReviewProgress,
    'reviewRag' | 'actions' | 'ragCounts' | 'percentComplete' | 'percentSignedOff'
  > | null;
  /** Every action whose standing differs, in the order the review lists them. */
  actions: ActionMovement[];
}

/** How an action stands on a date, as the report lists it. */
export interface ActionStanding {
  status: string;
  subStatus: string | null;
  rag: DerivedRag | null;
  daysOverdue: number | null;
}

export interface ActionMovement {
  actionId: string;
  actionText: string;
  /** null: not planned yet on `since`. */
  was: ActionStanding | null;
  /** null: cancelled or superseded since, so no longer counted. */
  now: ActionStanding | null;
}

/**
 * What moved in a review between `since` and the date it was drawn for. An action counts as
 * moved when its status, sub-status or RAG differs: an overdue action only growing older has not
 * moved.
 */
export function movementSince(
  since: BusinessDate,
  now: ReviewProgress,
  was: ReviewProgress | undefined,
): ReviewMovement {
  const before = linesOf(was);
  const after = linesOf(now);
  const actions: ActionMovement[] = [];
  for (const [actionId, line] of after) {
    const earlier = before.get(actionId);
    if (earlier && sameStanding(earlier, line)) continue;
    actions.push({
      actionId,
      actionText: line.actionText,
      was: earlier ? standingOf(earlier) : null,
      now: standingOf(line),
    });
  }
  for (const [actionId, line] of before) {
    if (!after.has(actionId)) {
      actions.push({ actionId, actionText: line.actionText, was: standingOf(line), now: null });
    }
  }
  return {
    since,
    was: was
      ? {
          reviewRag: was.reviewRag,
          actions: was.actions,
          ragCounts: was.ragCounts,
          percentComplete: was.percentComplete,
          percentSignedOff: was.percentSignedOff,
        }
      : null,
    actions,
  };
}

/** Each action once, in the review's order: one action may address several recommendations. */
function linesOf(review: ReviewProgress | undefined): Map<string, ActionLine> {
  const lines = new Map<string, ActionLine>();
  for (const recommendation of review?.byRecommendation ?? []) {
    for (const line of [...recommendation.done, ...recommendation.remaining]) {
      if (!lines.has(line.actionId)) lines.set(line.actionId, line);
    }
  }
  return lines;
}

const standingOf = ({ status, subStatus, rag, daysOverdue }: ActionLine): ActionStanding => ({
  status,
  subStatus,
  rag,
  daysOverdue,
});

const sameStanding = (a: ActionLine, b: ActionLine): boolean =>
  a.status === b.status && a.subStatus === b.subStatus && a.rag === b.rag;
